//! Autodiag 37101: a self-assessment widget for ISO 37101, sustainable development in communities.
//!
//! The core (`content`, `model`, `scoring`, `format`, `state`) is plain Rust with no web dependency,
//! tested natively. The UI (`app`, `components`, `hooks`) renders state and dispatches actions;
//! `storage` and `start` are the adapters to the browser.

pub mod app;
pub mod compare;
pub mod components;
pub mod content;
pub mod csv;
pub mod events;
pub mod files;
pub mod format;
pub mod hooks;
pub mod i18n;
mod ids;
pub mod model;
pub mod platform;
pub mod scoring;
pub mod state;
pub mod steps;
pub mod storage;

pub use app::{App, AppProps};

/// The element attribute that marks where a widget goes.
pub const HOST_ATTRIBUTE: &str = "data-autodiag";

/// Mounts one widget in every element marked `data-autodiag`, replacing the prerendered first
/// screen it holds. Each host is configured by its own attributes:
/// `data-namespace` (storage namespace), `data-lang` (`fr` or `en`, the first-visit default),
/// `data-standalone` (the widget owns the page).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;

    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = doc.query_selector_all(&format!("[{HOST_ATTRIBUTE}]")) else {
        return;
    };
    for i in 0..hosts.length() {
        let Some(host) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        host.set_inner_html("");
        yew::Renderer::<App>::with_root_and_props(host.clone(), props_for(&host)).render();
    }
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("autodiag:mounted");
    }
}

/// The props of the widget in `host`: its attributes, and what storage holds for its namespace.
#[cfg(target_arch = "wasm32")]
pub fn props_for(host: &web_sys::Element) -> AppProps {
    let namespace = host
        .get_attribute("data-namespace")
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "default".into());
    let lang = host
        .get_attribute("data-lang")
        .and_then(|l| i18n::Lang::from_id(&l))
        .unwrap_or_default();
    let (loaded, storage_error) = match storage::Store::new(&namespace).load() {
        Ok(loaded) => (loaded, None),
        Err(e) => (storage::Loaded::default(), Some(e)),
    };
    AppProps {
        namespace: namespace.into(),
        lang,
        loaded: std::rc::Rc::new(loaded),
        storage_error,
        standalone: host.has_attribute("data-standalone"),
    }
}
