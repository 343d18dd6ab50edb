//! Autodiag 37101's on-demand module: the screens a first visit does not need (the profile with
//! the printed report, sharing and the comparison; the blank questionnaire), in a wasm of their
//! own that the page's loader fetches, checked against its hash, when one of them first opens
//! (or just before: at the walk's last step). The first module calls `render`, then the handle's
//! `update` and `destroy` (see `autodiag37101::web::extras`).

use std::cell::RefCell;
use std::rc::Rc;

use autodiag37101::extras::{ExtrasApp, ExtrasProps};
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A screen drawn into an element of a widget.
#[wasm_bindgen]
pub struct Handle {
    app: Rc<RefCell<Option<AppHandle<ExtrasApp>>>>,
    reply: Callback<String>,
}

fn replies_to(reply: js_sys::Function) -> Callback<String> {
    Callback::from(move |json: String| {
        if let Err(e) = reply.call1(&JsValue::NULL, &json.into()) {
            web_sys::console::error_2(&"Autodiag 37101: a reply failed".into(), &e);
        }
    })
}

/// This module has its own copy of the interface's words: it installs the language the first
/// module shows, from the same checked file (the browser's cache has it by now).
async fn with_language(props: &ExtrasProps) {
    #[cfg(target_arch = "wasm32")]
    autodiag37101::platform::load_language(props.head.lang).await;
    #[cfg(not(target_arch = "wasm32"))]
    let _ = props;
}

/// Yew's mark of the app an element belongs to (`__yew_subtree_id`, a number per app). Each wasm
/// has its own copy of Yew, and so its own count, from 1.
fn app_mark(node: &JsValue) -> Option<f64> {
    js_sys::Reflect::get(node, &"__yew_subtree_id".into())
        .ok()?
        .as_f64()
}

/// The mark of the first module's app that `host` sits in.
fn outer_mark(host: &web_sys::Element) -> Option<f64> {
    let mut node = host.parent_node();
    while let Some(n) = node {
        if let Some(mark) = app_mark(&n) {
            return Some(mark);
        }
        node = n.parent_node();
    }
    None
}

/// An app with nothing in it, mounted only to learn the next mark.
#[yew::component]
fn Probe() -> yew::Html {
    yew::Html::default()
}

/// Mounts the app in `host`, under a mark other than the first module's app around it.
///
/// Both copies of Yew listen at their app's root and route an event by the mark of the nearest
/// marked element. With equal marks (both count from 1), the outer app would take a click in
/// this one for its own and run whichever of its handlers bears the same number: a click on
/// « Ajouter une action » switched the language. Marks only grow, one per mount, so an empty app
/// mounted on a detached element tells the next one, and takes it if it is the outer app's.
fn mount(host: web_sys::Element, props: ExtrasProps) -> AppHandle<ExtrasApp> {
    let outer = outer_mark(&host);
    for _ in 0..2 {
        let Some(probe) = host
            .owner_document()
            .and_then(|d| d.create_element("div").ok())
        else {
            break;
        };
        yew::Renderer::<Probe>::with_root(probe.clone()).render();
        if app_mark(&probe).map(|m| m + 1.0) != outer {
            break;
        }
    }
    yew::Renderer::<ExtrasApp>::with_root_and_props(host, props).render()
}

/// Draws `head`'s screen into `host` from `docs` (export documents: the open assessment first);
/// what the user does comes back to `reply` as JSON.
#[wasm_bindgen]
pub async fn render(
    host: web_sys::Element,
    head: String,
    docs: Vec<String>,
    reply: js_sys::Function,
) -> Result<Handle, JsError> {
    let reply = replies_to(reply);
    let props = ExtrasProps::read(&head, &docs, reply.clone()).map_err(|e| JsError::new(&e))?;
    with_language(&props).await;
    let app = mount(host, props);
    Ok(Handle {
        app: Rc::new(RefCell::new(Some(app))),
        reply,
    })
}

#[wasm_bindgen]
impl Handle {
    /// Draws the screen again from a newer state (in a new language once its words are here).
    pub fn update(&self, head: String, docs: Vec<String>) -> Result<(), JsError> {
        let props =
            ExtrasProps::read(&head, &docs, self.reply.clone()).map_err(|e| JsError::new(&e))?;
        let app = self.app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            with_language(&props).await;
            if let Some(app) = &mut *app.borrow_mut() {
                app.update(props);
            }
        });
        Ok(())
    }

    /// Takes the screen down (its element stays, empty).
    pub fn destroy(&self) {
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
    }
}
