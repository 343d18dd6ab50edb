//! Renders the first screen to HTML at build time and writes it into the built `index.html`, so the
//! page shows real content before the WebAssembly arrives; the app replaces it when it starts.
//!
//! Usage: `prerender path/to/index.html` (Trunk's post_build hook runs it on the staging dir).

use std::{env, fs, process::ExitCode};

use autodiag37101::i18n::Lang;
use autodiag37101::{App, AppProps};

const MARKER: &str = "<!-- prerender -->";

fn main() -> ExitCode {
    let Some(path) = env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        return ExitCode::FAILURE;
    };
    let page = match fs::read_to_string(&path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("prerender: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if !page.contains(MARKER) {
        eprintln!("prerender: {path} has no {MARKER:?} marker in the widget's host element");
        return ExitCode::FAILURE;
    }
    // What a first visit shows: French, nothing chosen yet.
    let props = AppProps {
        namespace: "default".into(),
        lang: Lang::default(),
        loaded: Default::default(),
        storage_error: None,
        standalone: true,
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("prerender: no runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let html = runtime.block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    );
    if let Err(e) = fs::write(&path, page.replacen(MARKER, &html, 1)) {
        eprintln!("prerender: cannot write {path}: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "prerender: first screen written into {path} ({} bytes)",
        html.len()
    );
    ExitCode::SUCCESS
}
