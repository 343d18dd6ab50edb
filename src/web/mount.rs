//! Mounting: one widget in every element marked `data-autodiag`, in a shadow root of its own.
//! The wasm entry points (`start`, and `mount` for host pages that add an element later).

use crate::{app, config, storage, App, AppProps, HOST_ATTRIBUTE, STYLE_LINK};

/// Talc instead of Rust's default dlmalloc: 3 kB gzip less wasm (issue 13), and faster on the
/// many small allocations of rendering and of merging a workshop's files.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts a widget in every `[data-autodiag]` element that has none yet: for host pages that add
/// an element after the app started (single-page apps). `embed.js` makes it
/// `window.autodiag37101.mount()`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount() {
    start();
}

/// Mounts one widget in every element marked `data-autodiag`, each in a shadow root of its own,
/// replacing the prerendered first screen the element may hold. Each is configured by its own
/// `data-` attributes (see `config::HostConfig`).
///
/// Shadow DOM rather than scoped CSS: a host page's rules (`button {…}`, `#content p {…}`, even
/// `!important` ones) cannot reach inside, and the widget's rules cannot leak out. Only inherited
/// properties cross, and the widget's root resets them all.
pub fn start() {
    use wasm_bindgen::JsCast;

    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = doc.query_selector_all(&format!("[{HOST_ATTRIBUTE}]")) else {
        return;
    };
    let styles = Styles::of(&doc);
    for i in 0..hosts.length() {
        let Some(host) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if let Err(e) = mount_in(&doc, &host, &styles) {
            web_sys::console::error_2(&"Autodiag 37101: cannot mount the widget".into(), &e);
        }
    }
}

/// Marks the time one more widget became visible and usable (the benchmark and the tests wait
/// for one mark per widget).
fn mark_mounted() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("autodiag:mounted");
    }
}

/// The widget's style sheet, as each shadow root gets it.
enum Styles {
    /// One copy of the page's sheet, built once and adopted by every widget: nothing is fetched
    /// again, and the widget shows styled at once.
    Copy(web_sys::CssStyleSheet),
    /// The page's `<link data-autodiag-style>`, when its rules cannot be read (not loaded yet, or
    /// from another origin without CORS): each shadow root links to the same address.
    Link(web_sys::Element),
    None,
}

impl Styles {
    fn of(doc: &web_sys::Document) -> Styles {
        match doc.query_selector(STYLE_LINK).ok().flatten() {
            Some(el) => Self::copy(&el).map_or(Styles::Link(el), Styles::Copy),
            None => Styles::None,
        }
    }

    /// A constructed copy of the rules of the page's `<style>` (the offline single file) or loaded
    /// `<link>`.
    fn copy(el: &web_sys::Element) -> Option<web_sys::CssStyleSheet> {
        use wasm_bindgen::JsCast;

        let text = match el.dyn_ref::<web_sys::HtmlLinkElement>() {
            Some(link) => {
                let sheet: web_sys::CssStyleSheet = link.sheet()?.dyn_into().ok()?;
                // Throws on a sheet from another origin without CORS.
                let rules = sheet.css_rules().ok()?;
                (0..rules.length())
                    .filter_map(|i| rules.item(i))
                    .map(|rule| rule.css_text())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            None => el.text_content()?,
        };
        let copy = web_sys::CssStyleSheet::new().ok()?;
        copy.replace_sync(&text).ok()?;
        Some(copy)
    }
}

fn mount_in(
    doc: &web_sys::Document,
    host: &web_sys::Element,
    styles: &Styles,
) -> Result<(), wasm_bindgen::JsValue> {
    if host.shadow_root().is_some() {
        // Mounted already (the loader ran twice): one widget per element.
        return Ok(());
    }
    let (config, warnings) = config::HostConfig::read(|name| host.get_attribute(name));
    for w in warnings {
        web_sys::console::warn_1(&w.into());
    }
    let shadow =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    // Adopted sheets rather than `style` attributes or elements: a strict Content-Security-Policy
    // allows them.
    let sheets = js_sys::Array::new();
    let mut link = None;
    match styles {
        Styles::Copy(sheet) => {
            sheets.push(sheet);
        }
        Styles::Link(page_link) => {
            let l = doc.create_element("link")?;
            l.set_attribute("rel", "stylesheet")?;
            // The same request as the page's (address, integrity hash, CORS mode), so the cache
            // serves it.
            for name in ["href", "integrity", "crossorigin"] {
                if let Some(value) = page_link.get_attribute(name) {
                    l.set_attribute(name, &value)?;
                }
            }
            shadow.append_child(&l)?;
            link = Some(l);
        }
        Styles::None => {}
    }
    if let Some(accent) = &config.accent {
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(&accent.css())?;
        sheets.push(&sheet);
    }
    shadow.set_adopted_style_sheets(&sheets);
    let root = doc.create_element("div")?;
    let props = props_for(config);
    let lang = props.loaded.lang.unwrap_or(props.lang);
    if link.is_none() && crate::i18n::is_available(lang) {
        host.replace_children_with_node_0();
        shadow.append_child(&root)?;
        yew::Renderer::<App>::with_root_and_props(root, props).render();
        mark_mounted();
        return Ok(());
    }
    // Until the sheet and the language's texts are here, a slot keeps showing the prerendered
    // first screen and the app waits hidden: no flash of unstyled or untranslated content. It
    // renders as soon as it has its texts, so that it has read storage and a share link by the
    // time the sheet arrives.
    let slot = doc.create_element("slot")?;
    root.set_attribute("hidden", "")?;
    shadow.append_child(&slot)?;
    shadow.append_child(&root)?;
    let styled = link.as_ref().map(loaded);
    let host = host.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // Without its texts, the app says so and shows French (see `app::initial_state`).
        crate::platform::load_language(lang).await;
        yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        if let Some(styled) = styled {
            let _ = wasm_bindgen_futures::JsFuture::from(styled).await;
        }
        slot.remove();
        let _ = root.remove_attribute("hidden");
        focus_on_reveal(&root);
        // The prerendered first screen, now replaced, goes.
        host.replace_children_with_node_0();
        mark_mounted();
    });
    Ok(())
}

/// Resolves once `link` has loaded its sheet, or failed to: listening from now on.
fn loaded(link: &web_sys::Element) -> js_sys::Promise {
    let link = link.clone();
    js_sys::Promise::new(&mut |resolve, _| {
        for event in ["load", "error"] {
            let resolve = resolve.clone();
            gloo::events::EventListener::once(&link, event, move |_| {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            })
            .forget();
        }
    })
}

/// Focuses what the app asked to focus while the widget was still hidden (see `app::focus_within`).
fn focus_on_reveal(root: &web_sys::Element) {
    if let Some(el) = app::focus_first(root, &format!("[{}]", app::FOCUS_ON_REVEAL)) {
        let _ = el.remove_attribute(app::FOCUS_ON_REVEAL);
    }
}

/// The props of a widget with these settings, and what storage holds for its namespace.
pub fn props_for(config: config::HostConfig) -> AppProps {
    let (loaded, storage_error) = match storage::Store::new(&config.namespace).load() {
        Ok(loaded) => (loaded, None),
        Err(e) => (storage::Loaded::default(), Some(e)),
    };
    AppProps {
        namespace: config.namespace.into(),
        lang: config.lang,
        loaded: std::rc::Rc::new(loaded),
        storage_error,
        standalone: config.standalone,
        modes: config.modes,
        intro: config.intro,
    }
}
