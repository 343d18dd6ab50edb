//! Runs after each Trunk build, on the staged `index.html`:
//!
//! 1. renders the first screen to HTML and writes it into the page, so it shows before the
//!    WebAssembly arrives (the app replaces it when it starts);
//! 2. moves Trunk's inline loader script into a file of its own that fetches the wasm with its
//!    integrity hash, so that a strict Content-Security-Policy (`script-src 'self'
//!    'wasm-unsafe-eval'`) needs no `'unsafe-inline'`.
//!
//! Usage: `prerender path/to/index.html` (Trunk's post_build hook runs it on the staging dir).

use std::path::Path;
use std::{env, fs, process::ExitCode};

use autodiag37101::i18n::Lang;
use autodiag37101::{App, AppProps};

const MARKER: &str = "<!-- prerender -->";

fn main() -> ExitCode {
    match run() {
        Ok(msg) => {
            println!("prerender: {msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let path = env::args().nth(1).ok_or("usage: prerender <index.html>")?;
    let page = fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    if !page.contains(MARKER) {
        return Err(format!(
            "{path} has no {MARKER:?} marker in the widget's host element"
        ));
    }
    // What a first visit shows: French, nothing chosen yet.
    let props = AppProps {
        namespace: "default".into(),
        lang: Lang::default(),
        loaded: Default::default(),
        storage_error: None,
        standalone: true,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("no runtime: {e}"))?;
    let html = runtime.block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    );
    let page = page.replacen(MARKER, &html, 1);
    let dir = Path::new(&path).parent().unwrap_or(Path::new("."));
    let (page, loader) = externalize_loader(&page, dir)?;
    fs::write(&path, page).map_err(|e| format!("cannot write {path}: {e}"))?;
    Ok(format!(
        "first screen ({} bytes) written into {path}; loader in {loader}",
        html.len()
    ))
}

/// The text between `start` and the next `end` after it, and where it ends.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<(&'a str, usize)> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some((&s[i..j], j + end.len()))
}

/// Replaces Trunk's inline `<script type="module">` with an external loader file.
fn externalize_loader(page: &str, dir: &Path) -> Result<(String, String), String> {
    let open = "<script type=\"module\">";
    let start = page
        .find(open)
        .ok_or("no inline module script from Trunk")?;
    let (script, end) = between(&page[start..], open, "</script>").ok_or("unclosed script")?;
    let glue = between(script, "from '", "'")
        .ok_or("no glue import in the loader")?
        .0;
    let wasm = between(script, "module_or_path: '", "'")
        .ok_or("no wasm path in the loader")?
        .0;
    let preload = format!("<link rel=\"preload\" href=\"{wasm}\"");
    let integrity = page
        .find(&preload)
        .and_then(|i| between(&page[i..], "integrity=\"", "\""))
        .map(|(v, _)| v)
        .ok_or("no integrity hash for the wasm")?;
    let loader = format!(
        "// Autodiag 37101 loader, generated at build time. An external file, so that a strict\n\
         // Content-Security-Policy needs no 'unsafe-inline'; the wasm is checked against its hash.\n\
         import init from '{glue}';\n\
         const wasm = new URL('{wasm}', import.meta.url);\n\
         await init({{ module_or_path: fetch(wasm, {{ integrity: '{integrity}' }}) }});\n"
    );
    let name = format!("loader-{}.js", fingerprint(loader.as_bytes()));
    fs::write(dir.join(&name), &loader).map_err(|e| format!("cannot write {name}: {e}"))?;
    let tag = format!("<script type=\"module\" src=\"./{name}\"></script>");
    let page = format!("{}{tag}{}", &page[..start], &page[start + end..]);
    Ok((page, name))
}

/// FNV-1a, 64 bits, enough to give each loader a name of its own for caches.
fn fingerprint(bytes: &[u8]) -> String {
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:08x}", h >> 32)
}
