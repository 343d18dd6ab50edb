//! Mounting: one widget in every element marked `data-autodiag`, in a shadow root of its own.
//! The wasm entry points (`start`, and `mount` for host pages that add an element later).

use crate::{app, config, storage, App, AppProps, HOST_ATTRIBUTE, STYLE_LINK};

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
    let styles = style_link(&doc);
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

/// The page's `<link data-autodiag-style>`, which each shadow root links to in the same way.
fn style_link(doc: &web_sys::Document) -> Option<web_sys::Element> {
    doc.query_selector(STYLE_LINK).ok()?
}

fn mount_in(
    doc: &web_sys::Document,
    host: &web_sys::Element,
    styles: &Option<web_sys::Element>,
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
    // A `<link>` to the sheet the page already loaded (so it comes from the cache, with the same
    // integrity check), rather than a constructed copy of its rules: those cannot be read from a
    // sheet on another origin without CORS. Until it has loaded, a slot keeps showing the
    // prerendered first screen and the app renders hidden: no flash of unstyled content.
    let root = doc.create_element("div")?;
    let mut revealed_on_load = false;
    if let Some(style) = styles
        .as_ref()
        .filter(|s| s.tag_name().eq_ignore_ascii_case("style"))
    {
        // The offline single file carries its CSS inline (no file can be fetched from file://).
        shadow.append_child(&style.clone_node_with_deep(true)?)?;
        host.replace_children_with_node_0();
    } else if let Some(page_link) = styles {
        let link = doc.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        // The same request as the page's (address, integrity hash, CORS mode), so the cache serves it.
        for name in ["href", "integrity", "crossorigin"] {
            if let Some(value) = page_link.get_attribute(name) {
                link.set_attribute(name, &value)?;
            }
        }
        let slot = doc.create_element("slot")?;
        root.set_attribute("hidden", "")?;
        revealed_on_load = true;
        shadow.append_child(&link)?;
        shadow.append_child(&slot)?;
        // One of the two fires, once.
        for event in ["load", "error"] {
            let (host, slot, root) = (host.clone(), slot.clone(), root.clone());
            gloo::events::EventListener::once(&link, event, move |_| {
                slot.remove();
                let _ = root.remove_attribute("hidden");
                focus_on_reveal(&root);
                // The prerendered first screen, now replaced, goes.
                host.replace_children_with_node_0();
                mark_mounted();
            })
            .forget();
        }
    } else {
        host.replace_children_with_node_0();
    }
    if let Some(accent) = &config.accent {
        // Through the CSSOM: a `style` attribute would break a strict Content-Security-Policy.
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(&accent.css())?;
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    shadow.append_child(&root)?;
    yew::Renderer::<App>::with_root_and_props(root, props_for(config)).render();
    if !revealed_on_load {
        mark_mounted();
    }
    Ok(())
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
