use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::model::MAX_TEXT_CHARS;

/// A labelled text field.
#[derive(Clone, Default)]
pub struct Field {
    pub id: String,
    pub label: &'static str,
    pub hint: Option<AttrValue>,
    pub value: String,
    pub oninput: Callback<String>,
    /// A multi-line field.
    pub multiline: bool,
    pub required: bool,
    pub error: Option<&'static str>,
    /// A date field rather than text.
    pub date: bool,
    /// A shorter limit than the format's for free text.
    pub max_chars: Option<usize>,
    /// Digits only (a year): the phone shows its number pad.
    pub numeric: bool,
}

/// A labelled text input or text area, with its hint and error tied to it for screen readers.
/// (A function, not a component: see `radio_group`.)
pub fn text_field(f: Field) -> Html {
    let hint_id = format!("{}-hint", f.id);
    let error_id = format!("{}-error", f.id);
    let described: Vec<&str> = [
        f.hint.as_ref().map(|_| hint_id.as_str()),
        f.error.map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = f.error.map(|_| "true");
    let max = f.max_chars.unwrap_or(MAX_TEXT_CHARS).to_string();
    let inputmode = f.numeric.then_some("numeric");
    let field = if f.multiline {
        let oninput = f
            .oninput
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        html! {
            <textarea id={f.id.clone()} rows="4" maxlength={max} value={f.value}
                aria-describedby={described} aria-invalid={invalid} {oninput} />
        }
    } else {
        let oninput = f
            .oninput
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        html! {
            <input id={f.id.clone()} type={if f.date { "date" } else { "text" }} maxlength={max}
                value={f.value} required={f.required} {inputmode}
                aria-describedby={described} aria-invalid={invalid} {oninput} />
        }
    };
    html! {
        // Keyed by the field's id, so that no input is reused for another question.
        <div class="field" key={f.id.clone()}>
            <label for={f.id}>{ f.label }</label>
            if let Some(hint) = f.hint {
                <p class="hint" id={hint_id}>{ hint }</p>
            }
            if let Some(error) = f.error {
                <p class="error" id={error_id}>{ error }</p>
            }
            { field }
        </div>
    }
}

/// A labelled drop-down list; `options` are (value, label) pairs, an empty value meaning "not
/// given".
pub fn select_field(
    id: String,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    value: &'static str,
    onchange: Callback<String>,
) -> Html {
    let onchange =
        onchange.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <div class="field" key={id.clone()}>
            <label for={id.clone()}>{ label }</label>
            <select {id} {onchange}>
                { for options.into_iter().map(|(v, l)| html! {
                    <option value={v} selected={value == v}>{ l }</option>
                }) }
            </select>
        </div>
    }
}
