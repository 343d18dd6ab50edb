//! Components and storage in a real browser (headless Chromium through wasm-bindgen-test).

#![cfg(target_arch = "wasm32")]

use autodiag37101::i18n::Lang;
use autodiag37101::state::StorageError;
use autodiag37101::storage::Store;
use autodiag37101::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh host element in the test page, with a storage namespace of its own.
fn host() -> Element {
    let doc = gloo::utils::document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn props(namespace: &str, lang: Lang, lang_chosen: bool) -> AppProps {
    AppProps {
        namespace: namespace.to_string().into(),
        lang,
        lang_chosen,
        storage_error: None,
        standalone: false,
    }
}

async fn mount(el: &Element, props: AppProps) {
    yew::Renderer::<App>::with_root_and_props(el.clone(), props).render();
    yew::scheduler::flush().await;
}

fn texts(el: &Element, selector: &str) -> Vec<String> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn button(el: &Element, label: &str) -> HtmlElement {
    let list = el.query_selector_all("button").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<HtmlElement>().unwrap())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

#[wasm_bindgen_test]
async fn first_screen_shows_the_framework_in_french() {
    let el = host();
    mount(&el, props("t-first", Lang::Fr, false)).await;
    let root = el.first_element_child().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("fr"));
    let cards = texts(&el, ".cards h3");
    assert_eq!(cards.len(), 18, "6 purposes and 12 areas");
    assert_eq!(cards[0], "Attractivité");
    assert_eq!(cards[6], "Gouvernance, responsabilisation et engagement");
    assert_eq!(
        texts(&el, "h2"),
        ["Les 6 finalités", "Les 12 domaines d’action"]
    );
    assert_eq!(
        button(&el, "Français")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn switching_language_rerenders_and_is_remembered() {
    let store = Store::new("t-switch");
    store.remove("lang").unwrap();
    let el = host();
    mount(&el, props("t-switch", Lang::Fr, false)).await;
    // Showing the default is not a choice: nothing is stored yet.
    assert_eq!(store.load_lang(), Ok(None));

    button(&el, "English").click();
    yew::scheduler::flush().await;
    let root = el.first_element_child().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        texts(&el, "h2"),
        ["The 6 purposes", "The 12 areas of action"]
    );
    assert_eq!(
        button(&el, "English")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(store.load_lang(), Ok(Some(Lang::En)));
    assert_eq!(store.get("lang"), Ok(Some("en".to_string())));
}

#[wasm_bindgen_test]
async fn instances_keep_their_storage_apart() {
    let (a, b) = (Store::new("t-ns-a"), Store::new("t-ns-b"));
    a.save_lang(Lang::En).unwrap();
    b.save_lang(Lang::Fr).unwrap();
    assert_eq!(a.load_lang(), Ok(Some(Lang::En)));
    assert_eq!(b.load_lang(), Ok(Some(Lang::Fr)));
    assert_ne!(a.key("lang"), b.key("lang"));
}

#[wasm_bindgen_test]
fn a_stored_value_this_version_does_not_know_is_ignored() {
    let store = Store::new("t-corrupt");
    store.set("lang", "{not a language").unwrap();
    assert_eq!(store.load_lang(), Ok(None));
    store.remove("lang").unwrap();
}

#[wasm_bindgen_test]
async fn a_storage_failure_is_shown_not_fatal() {
    let el = host();
    let mut p = props("t-unavailable", Lang::En, false);
    p.storage_error = Some(StorageError::Unavailable);
    mount(&el, p).await;
    let alerts = texts(&el, "[role=alert]");
    assert_eq!(alerts.len(), 1);
    assert!(alerts[0].contains("storage is not available"), "{alerts:?}");
    // The rest of the screen is there all the same.
    assert_eq!(texts(&el, ".cards h3").len(), 18);
}
