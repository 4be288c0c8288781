# A documentation site in Sphinx with SMM Navigator's embeds.
# tests/e2e/recipes.test.mjs builds it (`python3 -m sphinx -b html`) and serves
# it beside the built app at /app/.
project = "Plant security handbook"
html_theme = "alabaster"
# The app's embed script, as a module, from the app's folder on this host;
# use its full address when the app lives on its own origin.
html_js_files = [("/app/embed.js", {"type": "module"})]
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
