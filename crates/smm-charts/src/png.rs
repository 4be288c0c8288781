//! PNG images of the charts, for the Word report: the same drawing functions
//! as the SVG charts, on a pixel canvas of our own. Shapes come from
//! plotters' rasteriser (the backend's default methods over `draw_pixel`);
//! text is set by `ab_glyph` from an embedded subset of DejaVu Sans (Latin-1
//! and a few punctuation marks; see `fonts/LICENSE-DejaVu.txt`), so that the
//! image does not depend on the fonts of the machine that makes it.
//! Every text in an image is also in the table that follows it in the report.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};

use smm_core::{Catalogue, Report};

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans-subset.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold-subset.ttf");

/// A white RGB canvas of `w` × `h` pixels.
struct Canvas {
    w: u32,
    h: u32,
    rgb: Vec<u8>,
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

/// Why an image could not be made.
#[derive(Debug)]
pub struct PngError(String);

impl std::fmt::Display for PngError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PngError {}

impl Canvas {
    fn new(w: u32, h: u32) -> Result<Canvas, PngError> {
        let font = |b: &'static [u8]| FontRef::try_from_slice(b).map_err(|e| PngError(format!("the chart font: {e}")));
        Ok(Canvas { w, h, rgb: vec![255; (w * h * 3) as usize], regular: font(REGULAR)?, bold: font(BOLD)? })
    }

    fn blend(&mut self, x: i32, y: i32, c: BackendColor) {
        if x < 0 || y < 0 || x >= self.w as i32 || y >= self.h as i32 || c.alpha <= 0.0 {
            return;
        }
        let i = ((y as u32 * self.w + x as u32) * 3) as usize;
        let a = c.alpha.clamp(0.0, 1.0);
        for (k, v) in [c.rgb.0, c.rgb.1, c.rgb.2].into_iter().enumerate() {
            let old = f64::from(self.rgb[i + k]);
            self.rgb[i + k] = (old + (f64::from(v) - old) * a).round() as u8;
        }
    }

    fn font(&self, style: FontStyle) -> &FontRef<'static> {
        if matches!(style, FontStyle::Bold) {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// Width and height of `text` at `size` pixels.
    fn measure(&self, text: &str, size: f64, style: FontStyle) -> (u32, u32) {
        let font = self.font(style).as_scaled(PxScale::from(size as f32));
        let width: f32 = text.chars().map(|c| font.h_advance(font.glyph_id(c))).sum();
        (width.ceil() as u32, (font.ascent() - font.descent()).ceil() as u32)
    }

    /// The PNG file: 8-bit RGB, one zlib stream, no filtering (the charts are
    /// mostly flat colour, which compresses well as it is).
    fn encode(&self) -> Result<Vec<u8>, PngError> {
        use std::io::Write as _;
        let mut raw = Vec::with_capacity(self.rgb.len() + self.h as usize);
        for row in self.rgb.chunks(self.w as usize * 3) {
            raw.push(0); // filter type: none
            raw.extend_from_slice(row);
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&raw).map_err(|e| PngError(e.to_string()))?;
        let data = z.finish().map_err(|e| PngError(e.to_string()))?;
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = |kind: &[u8; 4], body: &[u8]| {
            out.extend_from_slice(&(body.len() as u32).to_be_bytes());
            let mut crc = crc32fast::Hasher::new();
            crc.update(kind);
            crc.update(body);
            out.extend_from_slice(kind);
            out.extend_from_slice(body);
            out.extend_from_slice(&crc.finalize().to_be_bytes());
        };
        let mut ihdr = Vec::with_capacity(13);
        ihdr.extend_from_slice(&self.w.to_be_bytes());
        ihdr.extend_from_slice(&self.h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8 bits, RGB, deflate, no filter method, no interlace
        chunk(b"IHDR", &ihdr);
        // 144 dots per inch (5669 per metre): sharp in print at the size the report gives the image.
        let mut phys = Vec::with_capacity(9);
        phys.extend_from_slice(&5669u32.to_be_bytes());
        phys.extend_from_slice(&5669u32.to_be_bytes());
        phys.push(1);
        chunk(b"pHYs", &phys);
        chunk(b"IDAT", &data);
        chunk(b"IEND", &[]);
        Ok(out)
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.w, self.h)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.blend(point.0, point.1, color);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if !fill {
            // Outlines: plotters' own rasteriser, stroke width and all.
            let (l, t, r, b) = (upper_left.0, upper_left.1, bottom_right.0, bottom_right.1);
            return self.draw_path([(l, t), (r, t), (r, b), (l, b), (l, t)], style);
        }
        let c = style.color();
        for y in upper_left.1.min(bottom_right.1)..=upper_left.1.max(bottom_right.1) {
            for x in upper_left.0.min(bottom_right.0)..=upper_left.0.max(bottom_right.0) {
                self.blend(x, y, c);
            }
        }
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(self.measure(text, style.size(), style.style()))
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // The charts set text level only.
        debug_assert!(matches!(style.transform(), FontTransform::None));
        let size = style.size();
        let (w, h) = self.measure(text, size, style.style());
        let anchor = style.anchor();
        let x0 = match anchor.h_pos {
            HPos::Left => pos.0,
            HPos::Center => pos.0 - w as i32 / 2,
            HPos::Right => pos.0 - w as i32,
        };
        let top = match anchor.v_pos {
            VPos::Top => pos.1,
            VPos::Center => pos.1 - h as i32 / 2,
            VPos::Bottom => pos.1 - h as i32,
        };
        let colour = style.color();
        let font = self.font(style.style()).clone();
        let scaled = font.as_scaled(PxScale::from(size as f32));
        let baseline = top as f32 + scaled.ascent();
        let mut x = x0 as f32;
        let mut marks = Vec::new();
        for ch in text.chars() {
            let id = scaled.glyph_id(ch);
            let glyph = id.with_scale_and_position(scaled.scale(), ab_glyph::point(x, baseline));
            x += scaled.h_advance(id);
            if let Some(outline) = font.outline_glyph(glyph) {
                let b = outline.px_bounds();
                outline
                    .draw(|gx, gy, cover| marks.push((b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32, cover)));
            }
        }
        for (px, py, cover) in marks {
            self.blend(px, py, BackendColor { alpha: colour.alpha * f64::from(cover), rgb: colour.rgb });
        }
        Ok(())
    }
}

/// Draws with `draw` on a canvas of `w` × `h` and encodes it.
fn render(
    w: u32,
    h: u32,
    draw: impl FnOnce(&DrawingArea<Canvas, plotters::coord::Shift>),
) -> Result<Vec<u8>, PngError> {
    let cell = std::rc::Rc::new(std::cell::RefCell::new(Canvas::new(w, h)?));
    {
        let root: DrawingArea<Canvas, plotters::coord::Shift> = (&cell).into();
        draw(&root);
    }
    let canvas = std::rc::Rc::try_unwrap(cell).map_err(|_| PngError("the chart is still being drawn".into()))?;
    canvas.into_inner().encode()
}

/// The target-versus-achieved chart as a PNG image, with its size in pixels.
pub fn gap_chart_png(catalogue: &Catalogue, report: &Report) -> Result<(Vec<u8>, u32, u32), PngError> {
    let rows = crate::gap_rows(catalogue, &report.practices);
    let (w, h) = crate::gap_chart_size(&rows);
    render(w, h, |root| {
        let _ = crate::draw_gap_chart(root, &rows, h);
    })
    .map(|b| (b, w, h))
}

/// The per-domain summary chart as a PNG image, with its size in pixels.
pub fn domain_chart_png(catalogue: &Catalogue, report: &Report) -> Result<(Vec<u8>, u32, u32), PngError> {
    let counts = crate::domain_counts(catalogue, report);
    let (w, h) = crate::domain_chart_size(&counts);
    render(w, h, |root| {
        let _ = crate::draw_domain_chart(root, &counts);
    })
    .map(|b| (b, w, h))
}
