//! Runs after each Trunk build, on the staged `index.html`:
//!
//! 1. renders the first screen to HTML and writes it into the page, so it shows before the
//!    WebAssembly arrives (the app replaces it when it starts);
//! 2. moves Trunk's inline loader script into a file of its own that fetches the wasm with its
//!    integrity hash, so that a strict Content-Security-Policy (`script-src 'self'
//!    'wasm-unsafe-eval'`) needs no `'unsafe-inline'`.
//!
//! 3. writes what hosts embed: `embed/<version>/` (the loader `embed.js` and every file it loads,
//!    in a folder of their own so that a host's integrity hash on `embed.js` stays valid across
//!    releases) with `snippet.html`, the tags to copy; `frame.html` for the iframe mode; and
//!    `embed.html`, a demo portal page with two widgets.
//!
//! Usage: `prerender path/to/index.html` (Trunk's post_build hook runs it on the staging dir).

use std::path::Path;
use std::{env, fs, process::ExitCode};

use base64::Engine;
use sha2::Digest;

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
        modes: Default::default(),
        intro: true,
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
    let extras = stage_extras(dir)?;
    let (page, loader, mut assets) = externalize_loader(&page, dir, &extras)?;
    let page = mark_style_link(&page, &assets.css)?;
    let page = write_language_pack(&page, dir, &mut assets)?;
    fs::write(&path, &page).map_err(|e| format!("cannot write {path}: {e}"))?;
    let source = env::var("TRUNK_SOURCE_DIR").unwrap_or_else(|_| ".".into());
    let web = Path::new(&source).join("embedding");
    let (embed, integrity) = write_embed(dir, &assets, &extras)?;
    write_frame(dir, &page, &web)?;
    let icon = between(&page, "<link rel=\"icon\" href=\"", "\"")
        .ok_or("no icon link in the page")?
        .0;
    write_demo(dir, &web, &embed, &integrity, icon)?;
    let offline = write_offline(dir, &page, &assets, &extras)?;
    Ok(format!(
        "first screen ({} bytes) written into {path}; loader in {loader}; embed loader {embed}; \
         on-demand module {} and {}; offline file {OFFLINE} ({} bytes)",
        html.len(),
        extras.glue,
        extras.wasm,
        offline
    ))
}

/// The files the app loads, as Trunk named them, with their integrity hashes.
struct Assets {
    glue: String,
    wasm: String,
    wasm_integrity: String,
    css: String,
    css_integrity: String,
    /// The English language pack (`lang-en-<hash>.json`), its integrity hash and its text.
    pack: String,
    pack_integrity: String,
    pack_json: String,
}

/// The on-demand module (`extras/`, built by Trunk as a "worker" link, which it neither names
/// with a hash nor gives an integrity hash): renamed here with a hash of its own, and checked.
struct Extras {
    glue: String,
    glue_integrity: String,
    wasm: String,
    wasm_integrity: String,
    /// The glue as wasm-bindgen wrote it, for the offline file, which inlines it.
    source: String,
}

/// What Trunk names the on-demand module's files (the crate's library name).
const EXTRAS_TRUNK: &str = "autodiag-extras";

fn stage_extras(dir: &Path) -> Result<Extras, String> {
    let (glue_in, wasm_in) = (
        dir.join(format!("{EXTRAS_TRUNK}.js")),
        dir.join(format!("{EXTRAS_TRUNK}_bg.wasm")),
    );
    let (source, wasm) = (read(&glue_in)?, read(&wasm_in)?);
    let source = String::from_utf8(source).map_err(|_| "the on-demand glue is not UTF-8")?;
    // Minified here rather than by scripts/minify.mjs: its hash goes into the loaders below.
    let glue = minified(&source).unwrap_or_else(|| source.clone());
    // One name for both files, from both: a new build of either is a new address for caches.
    let fp = fingerprint(&[glue.as_bytes(), wasm.as_slice()].concat());
    let names = (format!("extras-{fp}.js"), format!("extras-{fp}_bg.wasm"));
    write(&dir.join(&names.0), &glue)?;
    fs::remove_file(&glue_in).map_err(|e| format!("cannot remove the glue: {e}"))?;
    fs::rename(&wasm_in, dir.join(&names.1)).map_err(|e| format!("cannot rename the wasm: {e}"))?;
    Ok(Extras {
        glue: names.0,
        glue_integrity: integrity(glue.as_bytes()),
        wasm: names.1,
        wasm_integrity: integrity(&wasm),
        source,
    })
}

/// `js` minified by esbuild (which scripts/setup.sh installs, and scripts/env.sh puts on the
/// path); `None` where it is not there, as under a bare `trunk serve`: the glue then stays as
/// wasm-bindgen wrote it, which works the same.
fn minified(js: &str) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let mut child = Command::new("esbuild")
        .args([
            "--minify",
            "--format=esm",
            "--legal-comments=none",
            "--log-level=error",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(js.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout).ok()
}

/// Loader code: the on-demand module, for the wasm to load when a screen needs it (see
/// `web::extras`). `base` is the JavaScript expression of the folder its files are in.
///
/// An `import()` carries no integrity hash, and a `modulepreload`'s is not enforced everywhere
/// (WebKit runs a tampered file; Chromium fetches it again unchecked). So the glue is first run
/// by a `<script type="module">` that carries its hash, which only defines functions; `import()`
/// of the same address then gets that very module, without a second request. The wasm is fetched
/// with its hash, once: a prefetch keeps the response for the load to use.
fn extras_loader(x: &Extras, base: &str) -> String {
    let (glue, glue_sri, wasm, wasm_sri) = (&x.glue, &x.glue_integrity, &x.wasm, &x.wasm_integrity);
    format!(
        "const autodiagExtras = (() => {{\n\
         \x20 const base = {base};\n\
         \x20 const glue = new URL('{glue}', base).href;\n\
         \x20 let script, wasm, ready;\n\
         \x20 const checked = () => (script ??= new Promise((resolve, reject) => {{\n\
         \x20   const s = Object.assign(document.createElement('script'), {{\n\
         \x20     type: 'module', src: glue, integrity: '{glue_sri}', crossOrigin: 'anonymous',\n\
         \x20   }});\n\
         \x20   s.onload = resolve;\n\
         \x20   s.onerror = () => reject(new Error(`Autodiag 37101: cannot load ${{glue}}`));\n\
         \x20   document.head.append(s);\n\
         \x20 }}));\n\
         \x20 const fetched = () => (wasm ??= fetch(new URL('{wasm}', base), {{ integrity: '{wasm_sri}' }}));\n\
         \x20 return {{\n\
         \x20   prefetch() {{ checked().catch(() => {{}}); fetched().catch(() => {{}}); }},\n\
         \x20   load() {{\n\
         \x20     return (ready ??= (async () => {{\n\
         \x20       await checked();\n\
         \x20       const m = await import(glue);\n\
         \x20       await m.default({{ module_or_path: fetched() }});\n\
         \x20       return m;\n\
         \x20     }})().catch((e) => {{ ready = wasm = undefined; throw e; }}));\n\
         \x20   }},\n\
         \x20 }};\n\
         }})();\n\
         set_extras_loader(autodiagExtras.load, autodiagExtras.prefetch);\n"
    )
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A Subresource Integrity value, as browsers check it.
fn integrity(bytes: &[u8]) -> String {
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Marks the widget's style sheet, so that the app finds it to adopt into each shadow root.
fn mark_style_link(page: &str, css: &str) -> Result<String, String> {
    let link = format!("<link rel=\"stylesheet\" href=\"{css}\"");
    if !page.contains(&link) {
        return Err(format!("no style sheet link for {css}"));
    }
    Ok(page.replacen(
        &link,
        &format!("<link rel=\"stylesheet\" data-autodiag-style href=\"{css}\""),
        1,
    ))
}

/// Loader code: when the first widget will start in English (the visitor chose it last time, or
/// the host asks for it), fetch the English texts alongside the wasm rather than after it. A
/// preload, so that the app's own fetch of the same file (same mode, same hash) is served from it.
const PREFETCH_ENGLISH: &str = "{\n\
  const host = document.querySelector('[data-autodiag]');\n\
  const pack = document.querySelector('script[data-autodiag-lang=\"en\"][data-href]');\n\
  let lang = host?.dataset.lang;\n\
  try { lang = localStorage.getItem(`autodiag37101:${host?.dataset.namespace || 'default'}:lang`) ?? lang; } catch {}\n\
  if (lang === 'en' && pack) {\n\
    document.head.append(Object.assign(document.createElement('link'), {\n\
      rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: pack.dataset.href, integrity: pack.dataset.integrity,\n\
    }));\n\
  }\n\
}\n";

/// The element that tells the app where the English texts are (see `platform::load_language`).
fn pack_tag(href: &str, integrity: &str) -> String {
    format!(
        "<script type=\"application/json\" data-autodiag-lang=\"en\" data-href=\"{href}\" \
         data-integrity=\"{integrity}\"></script>"
    )
}

/// `lang-en-<hash>.json`: the English texts, which the wasm (French only) fetches when a user
/// wants English, and the element in the page's head that names it. Nothing fetches it on a
/// French visit.
fn write_language_pack(page: &str, dir: &Path, a: &mut Assets) -> Result<String, String> {
    let json = autodiag37101::i18n::pack::to_json(Lang::En);
    let name = format!("lang-en-{}.json", fingerprint(json.as_bytes()));
    write(&dir.join(&name), &json)?;
    a.pack = format!("./{name}");
    a.pack_integrity = integrity(json.as_bytes());
    a.pack_json = json;
    let tag = pack_tag(&a.pack, &a.pack_integrity);
    let at = page.find("</head>").ok_or("no </head> in the page")?;
    Ok(format!("{}{tag}\n{}", &page[..at], &page[at..]))
}

/// `embed/<version>/`: the loader a host adds with one tag, and every file it loads beside it.
/// Returns the loader's path from the root of `dist/` and its integrity hash.
fn write_embed(dir: &Path, a: &Assets, x: &Extras) -> Result<(String, String), String> {
    let version = env!("CARGO_PKG_VERSION");
    let folder = format!("embed/{version}");
    let out = dir.join(&folder);
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {folder}: {e}"))?;
    for file in [&a.wasm, &a.css, &a.pack, &x.glue, &x.wasm] {
        let name = file.trim_start_matches("./");
        write(&out.join(name), read(&dir.join(name))?)?;
    }
    let on_demand = extras_loader(x, "autodiagBase");
    // The glue is inlined: an `import` cannot carry an integrity hash, so the host's hash on
    // embed.js covers the JavaScript, and embed.js checks the wasm and the CSS.
    let glue = inlinable_glue(dir, a)?;
    let (wasm, css) = (&a.wasm, &a.css);
    let (wasm_sri, css_sri) = (&a.wasm_integrity, &a.css_integrity);
    let (pack, pack_sri) = (&a.pack, &a.pack_integrity);
    let loader = format!(
        "// Autodiag 37101 {version}: the embed loader, generated at build time.\n\
         // A host page adds it once, with one element per widget (see README, \"Embed it in your site\"):\n\
         //   <div data-autodiag data-namespace=\"my-site\" data-lang=\"fr\"></div>\n\
         // It loads the files beside it (or under the first widget's data-assets), each checked\n\
         // against its hash, and mounts a widget in every [data-autodiag] element of the page.\n\
         {glue}\n\
         const autodiagAssets = document.querySelector('[data-autodiag][data-assets]')?.dataset.assets;\n\
         const autodiagBase = autodiagAssets\n\
         \x20 ? new URL(autodiagAssets.replace(/\\/?$/, '/'), document.baseURI)\n\
         \x20 : new URL('./', import.meta.url);\n\
         const autodiagWasm = fetch(new URL('{wasm}', autodiagBase), {{ integrity: '{wasm_sri}' }});\n\
         if (!document.querySelector('link[data-autodiag-style]')) {{\n\
         \x20 // media=\"not all\": the sheet is read into each widget's shadow root, never applied to the page.\n\
         \x20 const link = Object.assign(document.createElement('link'), {{\n\
         \x20   rel: 'stylesheet', media: 'not all', href: new URL('{css}', autodiagBase),\n\
         \x20   integrity: '{css_sri}', crossOrigin: 'anonymous',\n\
         \x20 }});\n\
         \x20 link.setAttribute('data-autodiag-style', '');\n\
         \x20 const loaded = new Promise((resolve) => {{ link.onload = link.onerror = resolve; }});\n\
         \x20 document.head.append(link);\n\
         \x20 await loaded;\n\
         }}\n\
         if (!document.querySelector('script[data-autodiag-lang=\"en\"]')) {{\n\
         \x20 // Where the English texts are, for a widget that needs them (never fetched in French).\n\
         \x20 const pack = Object.assign(document.createElement('script'), {{ type: 'application/json' }});\n\
         \x20 Object.assign(pack.dataset, {{\n\
         \x20   autodiagLang: 'en', href: new URL('{pack}', autodiagBase).href, integrity: '{pack_sri}',\n\
         \x20 }});\n\
         \x20 document.head.append(pack);\n\
         }}\n\
         {PREFETCH_ENGLISH}\
         await __wbg_init({{ module_or_path: autodiagWasm }});\n\
         {on_demand}\
         // For pages that add a widget's element later: autodiag37101.mount() mounts the new ones.\n\
         window.autodiag37101 = Object.freeze({{ version: '{version}', mount }});\n"
    );
    write(&out.join("embed.js"), &loader)?;
    let sri = integrity(loader.as_bytes());
    let snippet = format!(
        "<!-- Autodiag 37101 {version}: copy these two lines into your page, and replace\n\
         \x20    https://your.site/autodiag/ by where you put the dist/ folder. -->\n\
         <script type=\"module\" src=\"https://your.site/autodiag/{folder}/embed.js\" integrity=\"{sri}\" crossorigin=\"anonymous\"></script>\n\
         <div data-autodiag data-namespace=\"my-site\" data-lang=\"fr\"></div>\n"
    );
    write(&out.join("snippet.html"), snippet)?;
    Ok((format!("./{folder}/embed.js"), sri))
}

/// `frame.html`: the app for the iframe mode, `frame.js` running first to read its settings from
/// the frame's address, to check that its parent page may show it, and to talk to that page; and
/// `frame-origins.txt`, the list of origins allowed to frame it, which the publisher edits.
///
/// The app must not start before that check: a second module script would run while `frame.js`
/// still awaits the list. So the loader is only preloaded (`modulepreload` fetches it and its glue
/// without running them) and `frame.js` imports it; the widget's element is `hidden`, so that a
/// refused parent never sees the first screen flash.
fn write_frame(dir: &Path, page: &str, web: &Path) -> Result<(), String> {
    let script = read(&web.join("frame.js"))?;
    let name = format!("frame-{}.js", fingerprint(&script));
    write(&dir.join(&name), &script)?;
    write(
        &dir.join("frame-origins.txt"),
        read(&web.join("frame-origins.txt"))?,
    )?;
    let tag = span(page, "<script type=\"module\" src=\"./loader-", "</script>")
        .ok_or("no loader script in the page")?;
    let loader = between(tag, "src=\"", "\"").ok_or("no loader address")?.0;
    let frame = page.replacen(
        tag,
        &format!(
            "<script type=\"module\" src=\"./{name}\"></script>\n\
             <link rel=\"modulepreload\" href=\"{loader}\" data-autodiag-loader>"
        ),
        1,
    );
    let host = "<div id=\"autodiag\" data-autodiag";
    if !frame.contains(host) {
        return Err(format!("no {host:?} element in the page"));
    }
    let frame = frame.replacen(host, &format!("{host} hidden"), 1);
    write(&dir.join("frame.html"), frame)
}

/// The wasm-bindgen glue without its `export` line, to inline in another script (which then
/// calls `__wbg_init` or `initSync` itself).
fn inlinable_glue(dir: &Path, a: &Assets) -> Result<String, String> {
    let glue = String::from_utf8(read(&dir.join(a.glue.trim_start_matches("./")))?)
        .map_err(|_| "the glue is not UTF-8")?;
    let export = "export { initSync, __wbg_init as default };";
    if !glue.contains(export) {
        return Err(format!("the glue no longer ends with {export:?}"));
    }
    Ok(glue.replacen(export, "", 1))
}

/// The offline single file's name.
const OFFLINE: &str = "autodiag-37101-offline.html";

/// The text between the first `start` in `page` and the `end` after it, `start` and `end` included.
fn span<'a>(page: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = page.find(start)?;
    let j = page[i..].find(end)? + i + end.len();
    Some(&page[i..j])
}

/// One self-contained HTML file (CSS, JavaScript and wasm inlined) that runs opened from a USB
/// stick: from `file://` a module import and a wasm fetch both fail, so the glue is inlined
/// without its export and the wasm bytes go to `initSync`. Returns its size in bytes.
fn write_offline(dir: &Path, page: &str, a: &Assets, x: &Extras) -> Result<usize, String> {
    let text = |name: &str| -> Result<String, String> {
        String::from_utf8(read(&dir.join(name.trim_start_matches("./")))?)
            .map_err(|_| format!("{name} is not UTF-8"))
    };
    let mut out = page.to_string();
    // Styles inline; the widget's own is marked so that each shadow root gets a copy.
    let css_link = span(&out, "<link rel=\"stylesheet\" data-autodiag-style", ">")
        .ok_or("no widget style link")?
        .to_string();
    out = out.replacen(
        &css_link,
        &format!("<style data-autodiag-style>{}</style>", text(&a.css)?),
        1,
    );
    let page_link = span(&out, "<link rel=\"stylesheet\" href=\"./page-", ">")
        .ok_or("no page style link")?
        .to_string();
    let page_css = between(&page_link, "href=\"", "\"")
        .ok_or("no page css href")?
        .0;
    out = out.replacen(
        &page_link,
        &format!("<style>{}</style>", text(page_css)?),
        1,
    );
    // The English texts inline (`</` escaped so that the JSON cannot close the element).
    let pack_tag = pack_tag(&a.pack, &a.pack_integrity);
    if !out.contains(&pack_tag) {
        return Err("no language pack element in the page".into());
    }
    out = out.replacen(
        &pack_tag,
        &format!(
            "<script type=\"application/json\" data-autodiag-lang=\"en\">{}</script>",
            a.pack_json.replace("</", "<\\/")
        ),
        1,
    );
    // Nothing left to fetch: no loader, no preloads, no icon file.
    for (start, end) in [
        ("<script type=\"module\" src=\"./loader-", "</script>"),
        ("<link rel=\"modulepreload\"", ">"),
        ("<link rel=\"preload\"", ">"),
        ("<link rel=\"icon\"", ">"),
    ] {
        if let Some(tag) = span(&out, start, end).map(str::to_string) {
            out = out.replacen(&tag, "", 1);
        }
    }
    let glue = inlinable_glue(dir, a)?;
    let wasm = base64::engine::general_purpose::STANDARD
        .encode(read(&dir.join(a.wasm.trim_start_matches("./")))?);
    // The on-demand module: its glue in a module script of its own (its names stay apart from
    // the first glue's), which hands its functions over under a symbol; its wasm as base64 in a
    // data block, decoded the first time a screen needs it. No import(), no data: address.
    let extras_glue = x.source.clone();
    let export = "export { initSync, __wbg_init as default };";
    if !extras_glue.contains(export) {
        return Err(format!("the on-demand glue no longer ends with {export:?}"));
    }
    for (name, text) in [("glue", &glue), ("on-demand glue", &extras_glue)] {
        if text.to_ascii_lowercase().contains("</script") {
            return Err(format!(
                "the {name} contains </script: it cannot be inlined"
            ));
        }
    }
    let extras_glue = extras_glue.replacen(
        export,
        "globalThis[Symbol.for('autodiag37101.extras')] = { initSync, render };",
        1,
    );
    let extras_wasm = base64::engine::general_purpose::STANDARD.encode(read(&dir.join(&x.wasm))?);
    let script = format!(
        "<script type=\"application/octet-stream\" id=\"autodiag-extras-wasm\">{extras_wasm}</script>\n\
         <script type=\"module\">\n{extras_glue}\n</script>\n\
         <script type=\"module\">\n{glue}\nconst autodiagWasm = Uint8Array.from(atob('{wasm}'), (c) => c.charCodeAt(0));\n\
         initSync({{ module: autodiagWasm }});\n\
         let autodiagExtras;\n\
         set_extras_loader(async () => (autodiagExtras ??= (() => {{\n\
         \x20 const api = globalThis[Symbol.for('autodiag37101.extras')];\n\
         \x20 const data = document.getElementById('autodiag-extras-wasm').textContent;\n\
         \x20 api.initSync({{ module: Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) }});\n\
         \x20 return api;\n\
         }})()), null);\n\
         </script>\n"
    );
    let at = out.rfind("</body>").ok_or("no </body>")?;
    out.insert_str(at, &script);
    write(&dir.join(OFFLINE), &out)?;
    Ok(out.len())
}

/// `embed.html`: a fictitious portal page with two widgets, its own CSS and its own script.
fn write_demo(dir: &Path, web: &Path, embed: &str, sri: &str, icon: &str) -> Result<(), String> {
    let template = String::from_utf8(read(&web.join("embed.html"))?)
        .map_err(|_| "embedding/embed.html is not UTF-8")?;
    let page = template
        .replace("{{embed}}", embed)
        .replace("{{integrity}}", sri)
        .replace("{{icon}}", icon);
    write(&dir.join("embed.html"), page)?;
    for file in ["portal.css", "portal.js"] {
        write(&dir.join(file), read(&web.join(file))?)?;
    }
    Ok(())
}

/// The text between `start` and the next `end` after it, and where it ends.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<(&'a str, usize)> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some((&s[i..j], j + end.len()))
}

/// Replaces Trunk's inline `<script type="module">` with an external loader file.
fn externalize_loader(
    page: &str,
    dir: &Path,
    extras: &Extras,
) -> Result<(String, String, Assets), String> {
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
    let on_demand = extras_loader(extras, "new URL('./', import.meta.url)");
    let loader = format!(
        "// Autodiag 37101 loader, generated at build time. An external file, so that a strict\n\
         // Content-Security-Policy needs no 'unsafe-inline'; the wasm is checked against its hash.\n\
         import init, {{ set_extras_loader }} from '{glue}';\n\
         const wasm = new URL('{wasm}', import.meta.url);\n\
         {PREFETCH_ENGLISH}\
         await init({{ module_or_path: fetch(wasm, {{ integrity: '{integrity}' }}) }});\n\
         {on_demand}"
    );
    let name = format!("loader-{}.js", fingerprint(loader.as_bytes()));
    fs::write(dir.join(&name), &loader).map_err(|e| format!("cannot write {name}: {e}"))?;
    let tag = format!("<script type=\"module\" src=\"./{name}\"></script>");
    let page = format!("{}{tag}{}", &page[..start], &page[start + end..]);
    let css = between(&page, "<link rel=\"stylesheet\" href=\"./main-", "\"")
        .ok_or("no main style sheet in the page")?
        .0;
    let css = format!("./main-{css}");
    let assets = Assets {
        glue: glue.to_string(),
        wasm: wasm.to_string(),
        wasm_integrity: integrity.to_string(),
        css_integrity: self::integrity(&read(&dir.join(css.trim_start_matches("./")))?),
        css,
        pack: String::new(),
        pack_integrity: String::new(),
        pack_json: String::new(),
    };
    Ok((page, name, assets))
}

/// FNV-1a, 64 bits, enough to give each loader a name of its own for caches.
fn fingerprint(bytes: &[u8]) -> String {
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:08x}", h >> 32)
}
