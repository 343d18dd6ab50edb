//! "Share by link or QR code": the assessment in the address itself, compressed, with no server.

use yew::prelude::*;

use super::export_button;
use crate::hooks::use_app;
use crate::i18n::fill;
use crate::share::QR_MAX_BYTES;

/// The link's QR code as SVG markup (the `qrcode` crate's renderer), or `None` when the link is
/// too long for one. Medium error correction where it fits, low for the longest links.
pub fn qr_svg(link: &str) -> Option<String> {
    use qrcode::{EcLevel, QrCode};
    let code = QrCode::with_error_correction_level(link, EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(link, EcLevel::L))
        .ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .module_dimensions(4, 4)
        .build();
    // An XML declaration means nothing inside an HTML page.
    Some(
        svg.trim_start_matches(r#"<?xml version="1.0" standalone="yes"?>"#)
            .to_string(),
    )
}

#[component]
pub fn SharePanel() -> Html {
    let app = use_app();
    let ui = app.ui();
    let t = &ui.share;
    let open = use_state(|| false);
    let with_notes = use_state(|| false);
    let link = use_state(|| None::<String>);
    let copied = use_state(|| false);
    let current = app.open().cloned();
    {
        let link = link.clone();
        let namespace = app.store.namespace().to_string();
        let key = (
            *open,
            *with_notes,
            current.as_ref().map(|a| (a.id.clone(), a.revision)),
        );
        use_effect_with(key, move |(open, with_notes, _)| {
            link.set(None);
            if let (true, Some(a)) = (*open, current) {
                let a = if *with_notes {
                    a
                } else {
                    crate::share::answers_only(&a)
                };
                let json = crate::format::export_answers(&a);
                #[cfg(target_arch = "wasm32")]
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(bytes) = crate::platform::deflate_raw(json.as_bytes(), true).await {
                        let (page, _) = crate::platform::address();
                        link.set(Some(crate::share::link(&page, &bytes, &namespace)));
                    }
                });
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (json, namespace);
            }
        });
    }
    let Some(a) = app.open() else {
        return Html::default();
    };
    if !*open {
        return html! {
            <div class="share no-print">
                <button type="button" class="button" onclick={move |_| open.set(true)}>{ t.button }</button>
            </div>
        };
    }
    let notes_id = app.id("share-notes");
    let link_id = app.id("share-link");
    let toggle = {
        let with_notes = with_notes.clone();
        move |_| with_notes.set(!*with_notes)
    };
    let body = link.as_ref().map(|l| {
        let copy = {
            let (l, copied) = (l.clone(), copied.clone());
            Callback::from(move |_| {
                #[cfg(target_arch = "wasm32")]
                {
                    let (l, copied) = (l.clone(), copied.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        copied.set(crate::platform::copy_text(&l).await);
                    });
                }
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (&l, &copied);
            })
        };
        let qr = (l.len() <= QR_MAX_BYTES).then(|| qr_svg(l)).flatten();
        html! {
            <>
                <div class="field">
                    <label for={link_id.clone()}>{ t.link_label }</label>
                    <input id={link_id.clone()} type="text" readonly=true value={l.clone()} class="share-link" />
                </div>
                <p>
                    <button type="button" class="button" onclick={copy}>{ t.copy }</button>
                    <span role="status" class="copied">{ if *copied { t.copied } else { "" } }</span>
                </p>
                if let Some(svg) = qr {
                    <div class="qr" role="img" aria-label={t.qr_label}>
                        { Html::from_html_unchecked(svg.into()) }
                    </div>
                } else {
                    <div class="notice notice-info">
                        <p>{ fill(t.too_long, &[&l.len().to_string()]) }</p>
                        { export_button(&app, &a.id) }
                    </div>
                }
            </>
        }
    });
    html! {
        <section class="panel share no-print" aria-labelledby={app.id("share-title")}>
            <h2 id={app.id("share-title")}>{ t.heading }</h2>
            <p>{ t.intro }</p>
            <div class="check">
                <input id={notes_id.clone()} type="checkbox" checked={*with_notes} onchange={toggle} />
                <label for={notes_id}>{ t.with_notes }</label>
            </div>
            { for body }
        </section>
    }
}
