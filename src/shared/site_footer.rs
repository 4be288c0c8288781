//! The footer of every page of both apps.

use leptos::prelude::*;

/// Says where the data stays and whose wording the text is.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="smm-footer">
            <p>
                "SMM Navigator runs entirely in your browser. Nothing you enter is sent anywhere. "
                "Practice names follow the IIC IoT Security Maturity Model; all descriptions are SMM Navigator's own wording."
            </p>
        </footer>
    }
}
