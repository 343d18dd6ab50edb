use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::compare::candidates;
use crate::format::export_answers;
use crate::hooks::{use_app, AppContext};
use crate::remote::{Head, Screen};

#[derive(Properties, PartialEq)]
pub struct OnDemandProps {
    pub screen: Screen,
    /// Leaving the screen (the blank questionnaire's « Retour »).
    #[prop_or_default]
    pub on_back: Option<Callback<()>>,
}

/// What the module draws from, as sent: the head and the documents (JSON).
type Content = Rc<(String, Vec<String>)>;

/// The latest content, read when the module arrives.
type Latest = Rc<RefCell<Content>>;

#[derive(Clone, Copy, PartialEq)]
// Natively (the prerender) no module is ever drawn.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Status {
    Loading,
    Ready,
    Failed,
}

/// What the module draws from: the head, and the open assessment then those it can be compared
/// with, as export documents. Built once per change of any of them.
fn content(app: &AppContext, screen: Screen) -> (String, Vec<String>) {
    let open = app.open();
    let head = Head {
        screen,
        lang: app.lang,
        ids: app.ids.to_string(),
        namespace: app.store.namespace().to_string(),
        standalone: app.host.standalone,
        current: open.map(|a| a.id.clone()),
        workshop: app
            .workshop
            .as_ref()
            .filter(|_| matches!(screen, Screen::Workshop | Screen::Tally))
            .map(|w| w.merged.clone()),
    };
    let mut docs = Vec::new();
    if let Some(a) = open.filter(|_| screen != Screen::Blank) {
        docs.push(export_answers(a));
        // Only the profile compares.
        if screen == Screen::Profile {
            let others = candidates(a, app.assessments.iter());
            docs.extend(others.into_iter().map(export_answers));
        }
    }
    (head.to_json(), docs)
}

/// A screen the on-demand module draws (the review, the profile, the blank questionnaire, the
/// workshop's merged view and tally): fetched when the
/// screen opens (unless already prefetched), drawn into an element of this widget, and drawn again
/// whenever what it shows changes. What the user does there comes back as actions of this
/// widget's reducer. A failed load says so, and offers to try again; nothing is lost meanwhile,
/// since the module changes nothing itself.
#[component]
pub fn OnDemand(props: &OnDemandProps) -> Html {
    let app = use_app();
    let slot = use_node_ref();
    // `_eq`: setting « loading » on the first attempt, already loading, renders nothing again.
    let status = use_state_eq(|| Status::Loading);
    let attempt = use_state(|| 0u32);
    let screen = props.screen;
    // What the module is to draw: the latest, read when the module arrives and on each change.
    let key = (
        app.lang,
        app.open().map(|a| (a.id.clone(), a.revision)),
        app.generation,
        screen,
        app.workshop.as_ref().map(|w| w.merged.clone()),
    );
    let latest = {
        let app = app.clone();
        use_memo(key, move |_| content(&app, screen))
    };
    // Read when the module arrives: the state may have changed while it came.
    let current = use_mut_ref(|| latest.clone());
    *current.borrow_mut() = latest.clone();
    let drawn: Rc<RefCell<Option<Drawn>>> = use_mut_ref(|| None);
    {
        let (drawn, slot, status, current) =
            (drawn.clone(), slot.clone(), status.clone(), current.clone());
        let dispatch = app.dispatcher();
        let on_back = props.on_back.clone();
        use_effect_with(*attempt, move |_| {
            status.set(Status::Loading);
            draw(Drawing {
                drawn: drawn.clone(),
                slot,
                status,
                current,
                dispatch,
                on_back,
            });
            move || {
                if let Some(d) = drawn.borrow_mut().take() {
                    d.destroy();
                }
            }
        });
    }
    {
        let drawn = drawn.clone();
        use_effect_with(latest, move |latest| {
            if let Some(d) = &*drawn.borrow() {
                d.update(&latest.0, &latest.1);
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };
    html! {
        <>
            // The module's own Yew app lives in here; this app never renders into it.
            <div class="on-demand" ref={slot} aria-busy={(*status == Status::Loading).then_some("true")} />
            if *status == Status::Loading {
                <p class="on-demand-status" role="status">{ app.lang.walk().on_demand_loading }</p>
            }
            if *status == Status::Failed {
                <div class="notice notice-warning in-step" role="alert">
                    <p>{ app.lang.walk().on_demand_failed }</p>
                    <button type="button" class="button" onclick={retry}>{ app.lang.walk().retry }</button>
                </div>
            }
        </>
    }
}

/// A screen drawn by the module: its handle, and the function it replies through (kept alive as
/// long as the screen is).
struct Drawn {
    #[cfg(target_arch = "wasm32")]
    handle: wasm_bindgen::JsValue,
    #[cfg(target_arch = "wasm32")]
    _reply: wasm_bindgen::closure::Closure<dyn Fn(String)>,
}

#[cfg(target_arch = "wasm32")]
impl Drawn {
    fn update(&self, head: &str, docs: &[String]) {
        if let Err(e) = crate::web::extras::update(&self.handle, head, docs) {
            web_sys::console::error_2(&"Autodiag 37101: cannot draw".into(), &e);
        }
    }

    fn destroy(self) {
        // Later, not now: the module may be inside one of its own event handlers (the reply that
        // closed this screen), which must not see its app taken down under it.
        wasm_bindgen_futures::spawn_local(async move {
            crate::web::extras::destroy(&self.handle);
            drop(self._reply);
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Drawn {
    fn update(&self, _: &str, _: &[String]) {}
    fn destroy(self) {}
}

/// What drawing a screen needs: where it goes, what to draw, and where replies go.
// Natively (the prerender) nothing is ever drawn.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Drawing {
    drawn: Rc<RefCell<Option<Drawn>>>,
    slot: NodeRef,
    status: UseStateHandle<Status>,
    current: Latest,
    dispatch: Callback<crate::state::Action>,
    on_back: Option<Callback<()>>,
}

/// Loads the module (once), then draws the screen; says so when it cannot.
#[cfg(target_arch = "wasm32")]
fn draw(d: Drawing) {
    use crate::remote::Reply;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Drawing {
        drawn,
        slot,
        status,
        current,
        dispatch,
        on_back,
    } = d;
    wasm_bindgen_futures::spawn_local(async move {
        let module = match crate::web::extras::load().await {
            Ok(m) => m,
            Err(e) => {
                web_sys::console::error_2(&"Autodiag 37101: cannot load".into(), &e);
                status.set(Status::Failed);
                return;
            }
        };
        // The screen may have closed while the module came.
        let Some(host) = slot.cast::<web_sys::Element>() else {
            return;
        };
        // Replies are applied after the module's handler returns, never inside it.
        let reply = Closure::<dyn Fn(String)>::new(move |json: String| {
            let (dispatch, on_back) = (dispatch.clone(), on_back.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match Reply::from_json(&json) {
                    Some(Reply::Back) => {
                        if let Some(back) = on_back {
                            back.emit(());
                        }
                    }
                    Some(reply) => {
                        if let Some(action) = reply.into_action() {
                            dispatch.emit(action);
                        }
                    }
                    None => web_sys::console::error_1(&"Autodiag 37101: unknown reply".into()),
                }
            });
        });
        let function: &js_sys::Function = reply.as_ref().unchecked_ref();
        let latest = current.borrow().clone();
        match crate::web::extras::draw(&module, &host, &latest.0, &latest.1, function).await {
            Ok(handle) => {
                let d = Drawn {
                    handle,
                    _reply: reply,
                };
                // Closed while it was being drawn: taken down at once.
                if slot.get().is_none() {
                    d.destroy();
                    return;
                }
                *drawn.borrow_mut() = Some(d);
                status.set(Status::Ready);
            }
            Err(e) => {
                web_sys::console::error_2(&"Autodiag 37101: cannot draw".into(), &e);
                status.set(Status::Failed);
            }
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn draw(_: Drawing) {}
