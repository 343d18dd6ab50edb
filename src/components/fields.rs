use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::model::MAX_TEXT_CHARS;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    /// A multi-line field.
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// `text` or `date`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
}

/// A labelled text input or text area, with its hint and error tied to it for screen readers.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described: Vec<&str> = [
        props.hint.as_ref().map(|_| hint_id.as_str()),
        props.error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = props.error.as_ref().map(|_| "true");
    let max = MAX_TEXT_CHARS.to_string();
    let field = if props.multiline {
        let oninput = props
            .oninput
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        html! {
            <textarea id={props.id.clone()} rows="4" maxlength={max} value={props.value.clone()}
                aria-describedby={described} aria-invalid={invalid} {oninput} />
        }
    } else {
        let oninput = props
            .oninput
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        html! {
            <input id={props.id.clone()} type={props.kind.clone()} maxlength={max}
                value={props.value.clone()} required={props.required}
                aria-describedby={described} aria-invalid={invalid} {oninput} />
        }
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id}>{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p class="error" id={error_id}>{ error.clone() }</p>
            }
            { field }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs; an empty value means "not given".
    pub options: Vec<(&'static str, &'static str)>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
}

/// A labelled drop-down list.
#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let onchange = props
        .onchange
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange}>
                { for props.options.iter().map(|&(value, label)| html! {
                    <option {value} selected={props.value == value}>{ label }</option>
                }) }
            </select>
        </div>
    }
}
