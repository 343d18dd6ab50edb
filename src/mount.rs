//! Mounting: one widget in every element marked `data-autodiag`, in a shadow root of its own.
//! The wasm entry points (`start`, and `mount` for host pages that add an element later). The
//! browser calls are the adapters' (`web::shadow`, `web::platform`); this only decides what
//! happens in which order.

use crate::web::shadow::{hosts, mark_mounted, Shadow, Styles};
use crate::{config, storage, App, AppProps, HOST_ATTRIBUTE, STYLE_LINK};

/// Talc instead of Rust's default dlmalloc: 3 kB gzip less wasm (issue 13), and faster on the
/// many small allocations of rendering and of merging a workshop's files. Only in the first
/// module: the on-demand module (`extras/`) links this library without `entry`, and has its own.
#[cfg(feature = "entry")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts a widget in every `[data-autodiag]` element that has none yet: for host pages that add
/// an element after the app started (single-page apps). `embed.js` makes it
/// `window.autodiag37101.mount()`.
#[cfg_attr(feature = "entry", wasm_bindgen::prelude::wasm_bindgen)]
pub fn mount() {
    start();
}

/// How the page's loader hands over the on-demand module: `load()` resolves to its exports,
/// fetched and checked against their hashes; `prefetch()` fetches them without running anything
/// (see `web::extras`).
#[cfg_attr(feature = "entry", wasm_bindgen::prelude::wasm_bindgen)]
pub fn set_extras_loader(load: js_sys::Function, prefetch: Option<js_sys::Function>) {
    crate::web::extras::set_loader(load, prefetch);
}

/// Mounts one widget in every element marked `data-autodiag`, each in a shadow root of its own,
/// replacing the prerendered first screen the element may hold. Each is configured by its own
/// `data-` attributes (see `config::HostConfig`).
///
/// Shadow DOM rather than scoped CSS: a host page's rules (`button {…}`, `#content p {…}`, even
/// `!important` ones) cannot reach inside, and the widget's rules cannot leak out. Only inherited
/// properties cross, and the widget's root resets them all.
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let styles = Styles::of(&doc, STYLE_LINK);
    for host in hosts(&doc, HOST_ATTRIBUTE) {
        if let Err(e) = mount_in(&doc, &host, &styles) {
            web_sys::console::error_2(&"Autodiag 37101: cannot mount the widget".into(), &e);
        }
    }
}

fn mount_in(
    doc: &web_sys::Document,
    host: &web_sys::Element,
    styles: &Styles,
) -> Result<(), wasm_bindgen::JsValue> {
    let (config, warnings) = config::HostConfig::read(|name| host.get_attribute(name));
    for w in warnings {
        web_sys::console::warn_1(&w.into());
    }
    let accent = config.accent.as_ref().map(|a| a.css());
    let Some(shadow) = Shadow::attach(doc, host, styles, accent)? else {
        return Ok(());
    };
    let props = props_for(config);
    let lang = props.loaded.lang.unwrap_or(props.lang);
    if shadow.styled() && crate::i18n::is_available(lang) {
        shadow.show()?;
        yew::Renderer::<App>::with_root_and_props(shadow.root.clone(), props).render();
        mark_mounted();
        return Ok(());
    }
    // Until the sheet and the language's texts are here, the prerendered first screen stays and
    // the app waits hidden: no flash of unstyled or untranslated content. It renders as soon as it
    // has its texts, so that it has read storage and a share link by the time the sheet arrives.
    let root = shadow.root.clone();
    let revealed = shadow.hold()?;
    wasm_bindgen_futures::spawn_local(async move {
        // Without its texts, the app says so and shows French (see `app::initial_state`).
        crate::platform::load_language(lang).await;
        yew::Renderer::<App>::with_root_and_props(root, props).render();
        revealed.await;
        mark_mounted();
    });
    Ok(())
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
