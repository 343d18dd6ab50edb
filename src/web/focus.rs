//! Keyboard focus inside a widget: where the screen changed, and what to focus once a widget that
//! waited hidden is shown.

use yew::NodeRef;

/// Focuses the first element under `root` that `selector` matches (inside the widget's shadow
/// root when embedded, where a document-wide query would not reach), and returns it.
pub fn focus_first(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let el = root
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let _ = el.focus();
    Some(el)
}

pub fn focus_within(root: &NodeRef, selector: &str) {
    let Some(el) = root
        .cast::<web_sys::Element>()
        .and_then(|r| focus_first(&r, selector))
    else {
        return;
    };
    // A widget stays hidden until its style sheet has loaded, and a hidden element takes no
    // focus: a share link decoded by then is focused when the widget is revealed (`focus_on_reveal`).
    if el.closest("[hidden]").ok().flatten().is_some() {
        let _ = el.set_attribute(FOCUS_ON_REVEAL, "");
    }
}

/// Marks the element to focus once the widget is shown.
pub const FOCUS_ON_REVEAL: &str = "data-focus-on-reveal";

/// Focuses what the app asked to focus while the widget was still hidden (see `focus_within`).
pub fn focus_on_reveal(root: &web_sys::Element) {
    if let Some(el) = focus_first(root, &format!("[{FOCUS_ON_REVEAL}]")) {
        let _ = el.remove_attribute(FOCUS_ON_REVEAL);
    }
}
