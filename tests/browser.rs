//! Components and storage in a real browser (headless Chromium through wasm-bindgen-test).

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use autodiag37101::components::{radio_group, Choice, Question};
use autodiag37101::i18n::Lang;
use autodiag37101::model::{Answer, Assessment, Level, Mode};
use autodiag37101::state::StorageError;
use autodiag37101::steps::Step;
use autodiag37101::storage::{Loaded, Saved, Store};
use autodiag37101::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const ID: &str = "3b0c6c1e-8f0a-4a8e-9d61-2f0f4b1a7c55";

/// A fresh host element in the test page.
fn host() -> Element {
    let doc = gloo::utils::document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn props(namespace: &str, lang: Lang) -> AppProps {
    AppProps {
        namespace: namespace.to_string().into(),
        lang,
        loaded: Default::default(),
        storage_error: None,
        modes: Default::default(),
        intro: true,
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

fn blank(mode: Mode) -> Assessment {
    Assessment::new(
        ID.into(),
        "2026-11-28T20:15:00Z".into(),
        Lang::Fr,
        mode,
        "Saint-Exemple".into(),
    )
}

#[wasm_bindgen_test]
async fn start_screen_shows_the_framework_in_french() {
    let el = host();
    mount(&el, props("t-first", Lang::Fr)).await;
    let root = el.first_element_child().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("fr"));
    let cards = texts(&el, ".cards h3");
    assert_eq!(cards.len(), 18, "6 purposes and 12 areas");
    assert_eq!(cards[0], "Attractivité");
    assert_eq!(cards[6], "Gouvernance, responsabilisation et engagement");
    assert!(texts(&el, "h2").contains(&"Les 12 domaines d’action".to_string()));
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
    mount(&el, props("t-switch", Lang::Fr)).await;
    // Showing the default is not a choice: nothing is stored yet.
    assert_eq!(store.load_lang(), Ok(None));

    button(&el, "English").click();
    yew::scheduler::flush().await;
    let root = el.first_element_child().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert!(texts(&el, "h2").contains(&"The 12 areas of action".to_string()));
    assert_eq!(
        button(&el, "English")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(store.load_lang(), Ok(Some(Lang::En)));
}

#[wasm_bindgen_test]
async fn a_storage_failure_is_shown_not_fatal() {
    let el = host();
    let mut p = props("t-unavailable", Lang::En);
    p.storage_error = Some(StorageError::Unavailable);
    mount(&el, p).await;
    let alerts = texts(&el, "[role=alert]");
    assert_eq!(alerts.len(), 1);
    assert!(alerts[0].contains("storage is not available"), "{alerts:?}");
    assert_eq!(
        texts(&el, ".cards h3").len(),
        18,
        "the rest of the screen is there"
    );
}

#[wasm_bindgen_test]
async fn the_radio_group_is_a_fieldset_with_a_legend_and_reports_choices() {
    #[derive(Properties, PartialEq)]
    struct Sink {
        got: Callback<&'static str>,
    }
    #[component]
    fn Harness(p: &Sink) -> Html {
        radio_group(Question {
            name: "q1".into(),
            legend: "Niveau actuel".into(),
            choices: vec![
                Choice {
                    value: "0",
                    label: "0 – Non engagé".into(),
                    hint: Some("Rien"),
                },
                Choice {
                    value: "1",
                    label: "1 – Émergent".into(),
                    hint: None,
                },
            ],
            selected: "1",
            onchange: p.got.clone(),
            clear_label: Some("Effacer"),
            ..Question::default()
        })
    }
    let got = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = got.clone();
    let el = host();
    let props = Sink {
        got: Callback::from(move |v: &str| sink.borrow_mut().push(v.to_string())),
    };
    yew::Renderer::<Harness>::with_root_and_props(el.clone(), props).render();
    yew::scheduler::flush().await;

    assert_eq!(texts(&el, "fieldset > legend"), ["Niveau actuel"]);
    let radios = el.query_selector_all("input[type=radio][name=q1]").unwrap();
    assert_eq!(radios.length(), 2);
    // Every radio has a label that names it, hint included.
    assert_eq!(texts(&el, "label[for=q1-0]"), ["0 – Non engagéRien"]);
    let second: HtmlInputElement = radios.item(1).unwrap().dyn_into().unwrap();
    assert!(second.checked());
    let first: HtmlInputElement = radios.item(0).unwrap().dyn_into().unwrap();
    first.click();
    button(&el, "Effacer").click();
    assert_eq!(*got.borrow(), ["0", ""]);
}

#[wasm_bindgen_test]
async fn the_stepper_says_where_you_are_and_moves_focus_to_the_new_step() {
    let store = Store::new("t-stepper");
    store.clear().unwrap();
    let mut loaded = Loaded::default();
    loaded.assessments.push(blank(Mode::Quick));
    loaded.current = Some(ID.into());
    let el = host();
    let mut p = props("t-stepper", Lang::Fr);
    p.loaded = Rc::new(loaded);
    mount(&el, p).await;

    assert!(el.text_content().unwrap().contains("Étape 1 sur 15"));
    assert_eq!(texts(&el, "h1"), ["Les finalités"]);
    assert!(el
        .text_content()
        .unwrap()
        .contains("Étape suivante\u{a0}: Gouvernance"));
    assert!(
        el.text_content().unwrap().find("← Précédent").is_none(),
        "no previous step on the first"
    );
    button(&el, "Suivant →").click();
    yew::scheduler::flush().await;
    assert!(el.text_content().unwrap().contains("Étape 2 sur 15"));
    let h1 = el.query_selector("h1").unwrap().unwrap();
    assert_eq!(
        h1.text_content().unwrap(),
        "Gouvernance, responsabilisation et engagement"
    );
    let focused = gloo::utils::document().active_element().unwrap();
    assert_eq!(focused, h1, "the new step's heading has focus");

    // Jump straight to the review from the step menu.
    button(&el, "14. Bilan").click();
    yew::scheduler::flush().await;
    assert_eq!(texts(&el, "h1"), ["Bilan"]);
    // The position is remembered for the next visit.
    assert_eq!(store.get("current"), Ok(Some(ID.to_string())));
    assert_eq!(
        store.get(&format!("step:{ID}")),
        Ok(Some("review".to_string()))
    );
}

#[wasm_bindgen_test]
fn assessments_round_trip_through_local_storage() {
    let store = Store::new("t-round-trip");
    store.clear().unwrap();
    let mut a = blank(Mode::Full);
    a.areas[0].level = Some(Answer::Level(Level::new(3).unwrap()));
    a.revision = 2;
    assert_eq!(store.save(&a), Ok(Saved::Written));
    store.save_position(Some(ID), Some(Step::Area(0))).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.assessments, [a.clone()]);
    assert_eq!(loaded.current.as_deref(), Some(ID));
    assert_eq!(loaded.steps.get(ID), Some(&Step::Area(0)));

    // Another window stored a newer revision: ours is not written over it.
    let mut theirs = a.clone();
    theirs.revision = 3;
    theirs.areas[1].level = Some(Answer::Unknown);
    assert_eq!(store.save(&theirs), Ok(Saved::Written));
    a.revision = 3;
    assert_eq!(store.save(&a), Ok(Saved::Newer(Box::new(theirs.clone()))));
    assert_eq!(store.load().unwrap().assessments, [theirs]);

    store.delete(ID).unwrap();
    assert!(store.load().unwrap().assessments.is_empty());
}

#[wasm_bindgen_test]
fn unreadable_stored_values_are_kept_aside_untouched() {
    let store = Store::new("t-corrupt");
    store.clear().unwrap();
    store.set("a:broken", "{not json").unwrap();
    store.set("lang", "{not a language").unwrap();
    let loaded = store.load().unwrap();
    assert!(loaded.assessments.is_empty());
    assert_eq!(loaded.quarantine.len(), 1);
    assert_eq!(loaded.quarantine[0].raw, "{not json");
    assert_eq!(loaded.lang, None, "an unknown language is ignored");
    assert_eq!(store.get("a:broken"), Ok(Some("{not json".to_string())));
}

#[wasm_bindgen_test]
fn namespaces_keep_instances_apart() {
    let (a, b) = (Store::new("t-ns-a"), Store::new("t-ns-b"));
    a.save_lang(Lang::En).unwrap();
    b.save_lang(Lang::Fr).unwrap();
    assert_eq!(a.load_lang(), Ok(Some(Lang::En)));
    assert_eq!(b.load_lang(), Ok(Some(Lang::Fr)));
    b.clear().unwrap();
    assert_eq!(
        a.load_lang(),
        Ok(Some(Lang::En)),
        "clearing one leaves the other"
    );
}

/// One level question, as an area step asks it: the question a step for `area` shows, answered
/// `answer` ("" for unanswered).
#[derive(Properties, PartialEq, Clone)]
struct LevelProps {
    area: &'static str,
    answer: &'static str,
}

const VALUES: [&str; 7] = ["0", "1", "2", "3", "4", "na", "unknown"];

#[component]
fn LevelQuestion(p: &LevelProps) -> Html {
    radio_group(Question {
        name: format!("ad-t-level-{}", p.area),
        legend: format!("Niveau actuel : {}", p.area).into(),
        choices: VALUES
            .iter()
            .map(|&value| Choice {
                value,
                label: value.into(),
                hint: None,
            })
            .collect(),
        selected: p.answer,
        onchange: Callback::noop(),
        clear_label: None,
        class: "levels",
        hint: None,
    })
}

fn checked(el: &Element) -> Vec<String> {
    let list = el.query_selector_all("input[type=radio]").unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .dyn_into::<HtmlInputElement>()
                .unwrap()
        })
        .filter(|i| i.checked())
        .map(|i| format!("{}={}", i.name(), i.value()))
        .collect()
}

// Moving from one area's question to the next must show the next area's stored answer, whichever
// of the two comes first in the list: reusing the radios for another question let the browser
// uncheck it (issue 10).
#[wasm_bindgen_test]
async fn each_question_shows_its_own_answer_when_the_next_one_replaces_it() {
    for a in VALUES {
        for b in VALUES {
            let el = host();
            let mut handle = yew::Renderer::<LevelQuestion>::with_root_and_props(
                el.clone(),
                LevelProps {
                    area: "governance",
                    answer: a,
                },
            )
            .render();
            yew::scheduler::flush().await;
            assert_eq!(checked(&el), [format!("ad-t-level-governance={a}")]);
            handle.update(LevelProps {
                area: "education",
                answer: b,
            });
            yew::scheduler::flush().await;
            assert_eq!(
                checked(&el),
                [format!("ad-t-level-education={b}")],
                "governance answered {a}, then education answered {b}"
            );
            // And back, as « Précédent » does.
            handle.update(LevelProps {
                area: "governance",
                answer: a,
            });
            yew::scheduler::flush().await;
            assert_eq!(
                checked(&el),
                [format!("ad-t-level-governance={a}")],
                "back from education answered {b} to governance answered {a}"
            );
            handle.destroy();
            el.remove();
        }
    }
}

/// Plays another window writing `value` under the key of assessment `key_id`.
fn storage_event_from_another_window(namespace: &str, key_id: &str, value: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&format!("autodiag37101:{namespace}:a:{key_id}")));
    init.set_new_value(Some(value));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    gloo::utils::window().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn another_assessments_key_never_changes_the_open_one() {
    const NS: &str = "t-storage-event";
    const OTHER: &str = "9a1d2f3e-4b5c-4d6e-8f70-8192a3b4c5d6";
    Store::new(NS).clear().unwrap();
    let mut loaded = Loaded::default();
    loaded.assessments.push(blank(Mode::Quick));
    loaded.current = Some(ID.into());
    let el = host();
    let mut p = props(NS, Lang::Fr);
    p.loaded = Rc::new(loaded);
    mount(&el, p).await;
    assert!(el.text_content().unwrap().contains("Saint-Exemple"));

    // The key of another assessment, holding a newer revision of the open one: not applied.
    let mut usurper = blank(Mode::Quick);
    usurper.revision = 7;
    usurper.community.name = "Commune usurpée".into();
    storage_event_from_another_window(NS, OTHER, &autodiag37101::format::export_compact(&usurper));
    yew::scheduler::flush().await;
    let text = el.text_content().unwrap();
    assert!(!text.contains("Commune usurpée"), "{text}");
    assert!(text.contains("Saint-Exemple"), "{text}");

    // The same value under its own key is another window's newer version: shown.
    storage_event_from_another_window(NS, ID, &autodiag37101::format::export_compact(&usurper));
    yew::scheduler::flush().await;
    assert!(el.text_content().unwrap().contains("Commune usurpée"));
}

/// Waits `ms` milliseconds (the on-demand module arrives through promises, not Yew's scheduler).
async fn pause(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Until `done` holds, or a second has passed.
async fn until(done: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if done() {
            return true;
        }
        pause(10).await;
    }
    done()
}

type Calls = Rc<RefCell<Vec<(String, Vec<String>)>>>;
/// Each drawn screen's head and reply function (widgets of earlier tests may draw too).
type Replies = Rc<RefCell<Vec<(String, js_sys::Function)>>>;

/// A stand-in for the on-demand module: `render` and the handle's `update` record what they are
/// given and write it into the element, `reply` is kept for the test to call.
fn fake_module(calls: Calls, reply: Replies) -> js_sys::Object {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;

    let docs_of = |docs: JsValue| -> Vec<String> {
        js_sys::Array::from(&docs)
            .iter()
            .map(|d| d.as_string().unwrap())
            .collect()
    };
    let handle = js_sys::Object::new();
    let (c, r) = (calls.clone(), reply.clone());
    let host_of: Rc<RefCell<Option<Element>>> = Rc::default();
    let h = host_of.clone();
    let update = Closure::<dyn Fn(String, JsValue)>::new(move |head: String, docs: JsValue| {
        c.borrow_mut().push((head, docs_of(docs)));
        if let Some(host) = &*h.borrow() {
            host.set_text_content(Some(&format!("drawn {}", c.borrow().len())));
        }
    });
    js_sys::Reflect::set(&handle, &"update".into(), update.as_ref()).unwrap();
    update.forget();
    let destroy = Closure::<dyn Fn()>::new(|| {});
    js_sys::Reflect::set(&handle, &"destroy".into(), destroy.as_ref()).unwrap();
    destroy.forget();
    let render =
        Closure::<dyn Fn(Element, String, JsValue, js_sys::Function) -> js_sys::Promise>::new(
            move |host: Element, head: String, docs: JsValue, f: js_sys::Function| {
                r.borrow_mut().push((head.clone(), f));
                calls.borrow_mut().push((head, docs_of(docs)));
                host.set_text_content(Some("drawn 1"));
                *host_of.borrow_mut() = Some(host);
                js_sys::Promise::resolve(&JsValue::from(handle.clone()))
            },
        );
    let module = js_sys::Object::new();
    js_sys::Reflect::set(&module, &"render".into(), render.as_ref()).unwrap();
    render.forget();
    module
}

/// A loader that fails while `offline` holds, then hands over `module`.
fn loader(module: js_sys::Object, offline: Rc<std::cell::Cell<bool>>) -> js_sys::Function {
    use wasm_bindgen::closure::Closure;

    let load = Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
        web_sys::console::log_1(&format!("LOAD offline={}", offline.get()).into());
        if offline.get() {
            return js_sys::Promise::reject(&"offline".into());
        }
        js_sys::Promise::resolve(&wasm_bindgen::JsValue::from(module.clone()))
    });
    let f: js_sys::Function = load.as_ref().unchecked_ref::<js_sys::Function>().clone();
    load.forget();
    f
}

fn on_the_profile(namespace: &str) -> (Store, AppProps) {
    let store = Store::new(namespace);
    store.clear().unwrap();
    let mut loaded = Loaded::default();
    let mut a = blank(Mode::Quick);
    a.areas[0].level = Some(Answer::Level(Level::new(2).unwrap()));
    loaded.assessments.push(a);
    loaded.current = Some(ID.into());
    loaded.steps.insert(ID.into(), Step::Profile);
    let mut p = props(namespace, Lang::Fr);
    p.loaded = Rc::new(loaded);
    (store, p)
}

#[wasm_bindgen_test]
async fn the_on_demand_screen_draws_from_the_state_and_its_replies_are_the_widgets_actions() {
    use autodiag37101::remote::{Head, Reply, Screen};
    use autodiag37101::state::{Edit, Plan};

    let (calls, reply): (Calls, Replies) = Default::default();
    let module = fake_module(calls.clone(), reply.clone());
    autodiag37101::web::extras::set_loader(loader(module, Rc::default()), None);
    let (store, p) = on_the_profile("t-on-demand");
    let el = host();
    mount(&el, p).await;
    assert!(until(|| el.text_content().unwrap().contains("drawn ")).await);
    assert_eq!(texts(&el, "h1"), ["Profil de maturité"]);

    // What the module was given: the head, and the open assessment as an export document. (A
    // widget of an earlier test, left waiting on its review, is drawn by this module too.)
    let ours = |head: &str| head.contains("\"t-on-demand\"");
    let (head, docs) = calls
        .borrow()
        .iter()
        .find(|(h, _)| ours(h))
        .cloned()
        .expect("our widget drawn");
    let head = Head::from_json(&head).expect("a head");
    assert_eq!(head.screen, Screen::Profile);
    assert_eq!(head.lang, Lang::Fr);
    assert_eq!(head.current.as_deref(), Some(ID));
    assert_eq!(head.namespace, "t-on-demand");
    let a = autodiag37101::format::import(docs[0].as_bytes()).expect("an export document");
    assert_eq!(
        a.areas[0].level,
        Some(Answer::Level(Level::new(2).unwrap()))
    );

    // A reply is an action of this widget: saved, then drawn again from the new state.
    let add = Reply::Edit {
        now: "2026-12-03T18:00:00Z".into(),
        edit: Edit::AddAction(Plan::Area(0), "Réunir les habitants".into()),
    };
    let f = reply
        .borrow()
        .iter()
        .find(|(h, _)| ours(h))
        .map(|(_, f)| f.clone())
        .expect("a reply function");
    f.call1(&wasm_bindgen::JsValue::NULL, &add.to_json().into())
        .unwrap();
    let drawn_with_it = || {
        calls
            .borrow()
            .iter()
            .any(|(h, docs)| ours(h) && docs[0].contains("Réunir les habitants"))
    };
    assert!(until(drawn_with_it).await, "drawn again from the new state");
    let last = calls
        .borrow()
        .iter()
        .rev()
        .find(|(h, _)| ours(h))
        .unwrap()
        .1[0]
        .clone();
    let again = autodiag37101::format::import(last.as_bytes()).unwrap();
    assert_eq!(again.areas[0].actions[0].title, "Réunir les habitants");
    let saved = store.load().unwrap();
    assert_eq!(
        saved.assessments[0].areas[0].actions[0].title,
        "Réunir les habitants"
    );

    // Anything else is no reply: nothing changes.
    let before = store.load().unwrap().assessments;
    f.call1(
        &wasm_bindgen::JsValue::NULL,
        &r#"{"edit":{"clear":true}}"#.into(),
    )
    .unwrap();
    pause(50).await;
    assert_eq!(store.load().unwrap().assessments, before);
}

#[wasm_bindgen_test]
async fn a_module_that_cannot_load_is_said_and_tried_again_on_request() {
    let (calls, reply): (Calls, Replies) = Default::default();
    let module = fake_module(calls.clone(), reply);
    let offline = Rc::new(std::cell::Cell::new(true));
    autodiag37101::web::extras::set_loader(loader(module, offline.clone()), None);
    let (_, p) = on_the_profile("t-on-demand-fails");
    let el = host();
    mount(&el, p).await;
    let failed = "Cette partie de l’outil n’a pas pu être chargée";
    assert!(until(|| el.text_content().unwrap().contains(failed)).await);
    assert!(calls.borrow().is_empty());
    let alert = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(alert.text_content().unwrap().contains("rien n’est perdu"));
    // The network is back: « Réessayer » loads it.
    offline.set(false);
    button(&el, "Réessayer").click();
    assert!(until(|| el.text_content().unwrap().contains("drawn ")).await);
    assert!(!el.text_content().unwrap().contains(failed));
}
