//! A widget's shadow root: the host elements to mount in, the style sheet each shadow root adopts
//! (one copy of the page's, or a link to it), revealing a widget once its sheet is there, and the
//! mark the benchmark and the tests wait for.

use wasm_bindgen::JsCast;

/// The elements marked to hold a widget, in document order.
pub fn hosts(doc: &web_sys::Document, attribute: &str) -> Vec<web_sys::Element> {
    let Ok(list) = doc.query_selector_all(&format!("[{attribute}]")) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| {
            list.item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        })
        .collect()
}

/// Marks the time one more widget became visible and usable (the benchmark and the tests wait
/// for one mark per widget).
pub fn mark_mounted() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("autodiag:mounted");
    }
}

/// The widget's style sheet, as each shadow root gets it.
pub enum Styles {
    /// One copy of the page's sheet, built once and adopted by every widget: nothing is fetched
    /// again, and the widget shows styled at once.
    Copy(web_sys::CssStyleSheet),
    /// The page's `<link data-autodiag-style>`, when its rules cannot be read (not loaded yet, or
    /// from another origin without CORS): each shadow root links to the same address.
    Link(web_sys::Element),
    None,
}

impl Styles {
    pub fn of(doc: &web_sys::Document, selector: &str) -> Styles {
        match doc.query_selector(selector).ok().flatten() {
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

/// A widget's shadow root, styled, with the element the app renders into.
pub struct Shadow {
    pub root: web_sys::Element,
    /// The shadow root's own `<link>` to the sheet, when it could not adopt a copy.
    link: Option<web_sys::Element>,
    host: web_sys::Element,
}

impl Shadow {
    /// Attaches a shadow root to `host` and styles it: `styles`, then the host's `accent` rules.
    /// `None` when `host` has one already (the loader ran twice: one widget per element).
    pub fn attach(
        doc: &web_sys::Document,
        host: &web_sys::Element,
        styles: &Styles,
        accent: Option<String>,
    ) -> Result<Option<Shadow>, wasm_bindgen::JsValue> {
        if host.shadow_root().is_some() {
            return Ok(None);
        }
        let shadow =
            host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
        // Adopted sheets rather than `style` attributes or elements: a strict
        // Content-Security-Policy allows them.
        let sheets = js_sys::Array::new();
        let mut link = None;
        match styles {
            Styles::Copy(sheet) => {
                sheets.push(sheet);
            }
            Styles::Link(page_link) => {
                let l = doc.create_element("link")?;
                l.set_attribute("rel", "stylesheet")?;
                // The same request as the page's (address, integrity hash, CORS mode), so the
                // cache serves it.
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
        if let Some(css) = accent {
            let sheet = web_sys::CssStyleSheet::new()?;
            sheet.replace_sync(&css)?;
            sheets.push(&sheet);
        }
        shadow.set_adopted_style_sheets(&sheets);
        let root = doc.create_element("div")?;
        Ok(Some(Shadow {
            root,
            link,
            host: host.clone(),
        }))
    }

    /// True when the widget can show at once: its sheet is adopted.
    pub fn styled(&self) -> bool {
        self.link.is_none()
    }

    /// Shows the (empty) widget in place of the prerendered first screen.
    pub fn show(&self) -> Result<(), wasm_bindgen::JsValue> {
        let shadow = self.host.shadow_root().ok_or("no shadow root")?;
        self.host.replace_children_with_node_0();
        shadow.append_child(&self.root)?;
        Ok(())
    }

    /// Keeps showing the prerendered first screen (through a slot) while the widget waits hidden,
    /// and returns what reveals it once its sheet has loaded.
    pub fn hold(self) -> Result<impl std::future::Future<Output = ()>, wasm_bindgen::JsValue> {
        let shadow = self.host.shadow_root().ok_or("no shadow root")?;
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let slot = doc.create_element("slot")?;
        self.root.set_attribute("hidden", "")?;
        shadow.append_child(&slot)?;
        shadow.append_child(&self.root)?;
        let styled = self.link.as_ref().map(loaded);
        Ok(async move {
            if let Some(styled) = styled {
                let _ = wasm_bindgen_futures::JsFuture::from(styled).await;
            }
            slot.remove();
            let _ = self.root.remove_attribute("hidden");
            super::focus::focus_on_reveal(&self.root);
            // The prerendered first screen, now replaced, goes.
            self.host.replace_children_with_node_0();
        })
    }
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
