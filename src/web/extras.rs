//! The on-demand module, seen from the first one: what the page's loader gives the wasm to fetch
//! it (`set_loader`), and the few calls into it. The loader (`loader-*.js`, `embed.js` or the
//! offline file, all written by the prerender) owns every address and integrity hash; the wasm
//! only asks for the module and calls what it exports:
//!
//! - `render(host, head, docs, reply)` draws a screen into `host` and resolves to a handle;
//! - `handle.update(head, docs)` draws it again from a newer state;
//! - `handle.destroy()` takes it down.
//!
//! `head` and the replies are `remote::Head` and `remote::Reply` as JSON; `docs` are export
//! documents, which the module reads through the import door. Natively (the prerender) nothing
//! here is ever called: effects do not run there.

#[cfg(target_arch = "wasm32")]
pub use imp::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// The loader's two functions, or what waits for them: the app can start on the profile
    /// (resumed where the user left off) before the loader has handed them over.
    enum Loader {
        Waiting {
            waiters: Vec<Function>,
            prefetch: bool,
        },
        Ready {
            load: Function,
            prefetch: Option<Function>,
        },
    }

    thread_local! {
        static LOADER: RefCell<Loader> = const {
            RefCell::new(Loader::Waiting { waiters: Vec::new(), prefetch: false })
        };
    }

    /// Called once by the page's loader (through the wasm's `set_extras_loader` export).
    pub fn set_loader(load: Function, prefetch: Option<Function>) {
        let before = LOADER.with(|l| {
            l.replace(Loader::Ready {
                load,
                prefetch: prefetch.clone(),
            })
        });
        if let Loader::Waiting {
            waiters,
            prefetch: wanted,
        } = before
        {
            if wanted {
                if let Some(p) = &prefetch {
                    let _ = p.call0(&JsValue::NULL);
                }
            }
            for resolve in waiters {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    }

    /// Starts fetching the module (checked, not run) for a screen the user will soon open.
    pub fn prefetch() {
        LOADER.with(|l| match &mut *l.borrow_mut() {
            Loader::Ready {
                prefetch: Some(p), ..
            } => {
                let _ = p.call0(&JsValue::NULL);
            }
            Loader::Ready { .. } => {}
            Loader::Waiting { prefetch, .. } => *prefetch = true,
        });
    }

    /// The module's exports, fetched and checked against their hashes on first use.
    pub async fn load() -> Result<JsValue, JsValue> {
        let ready = LOADER.with(|l| match &mut *l.borrow_mut() {
            Loader::Ready { load, .. } => Ok(load.clone()),
            Loader::Waiting { waiters, .. } => {
                let mut wait = None;
                let promise = Promise::new(&mut |resolve, _| wait = Some(resolve));
                waiters.extend(wait);
                Err(promise)
            }
        });
        let load = match ready {
            Ok(load) => load,
            Err(until_set) => {
                JsFuture::from(until_set).await?;
                LOADER.with(|l| match &*l.borrow() {
                    Loader::Ready { load, .. } => Ok(load.clone()),
                    Loader::Waiting { .. } => Err(JsValue::from_str("no loader")),
                })?
            }
        };
        let promise: Promise = load.call0(&JsValue::NULL)?.dyn_into()?;
        JsFuture::from(promise).await
    }

    fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
        let f: Function = Reflect::get(target, &name.into())?.dyn_into()?;
        f.apply(target, &args.iter().copied().collect::<Array>())
    }

    fn docs_array(docs: &[String]) -> JsValue {
        docs.iter()
            .map(|d| JsValue::from_str(d))
            .collect::<Array>()
            .into()
    }

    /// Draws a screen of the module into `host`; the handle to update and take it down.
    pub async fn draw(
        module: &JsValue,
        host: &web_sys::Element,
        head: &str,
        docs: &[String],
        reply: &Function,
    ) -> Result<JsValue, JsValue> {
        let drawn = call(
            module,
            "render",
            &[host, &head.into(), &docs_array(docs), reply],
        )?;
        JsFuture::from(drawn.dyn_into::<Promise>()?).await
    }

    pub fn update(handle: &JsValue, head: &str, docs: &[String]) -> Result<(), JsValue> {
        call(handle, "update", &[&head.into(), &docs_array(docs)]).map(drop)
    }

    pub fn destroy(handle: &JsValue) {
        let _ = call(handle, "destroy", &[]);
    }
}

/// Natively there is no module to load; the prerender never draws a screen that needs it.
#[cfg(not(target_arch = "wasm32"))]
pub fn prefetch() {}
