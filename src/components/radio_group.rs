use yew::prelude::*;

/// One option of a [`RadioGroup`].
#[derive(Clone, PartialEq)]
pub struct Choice {
    pub value: &'static str,
    pub label: AttrValue,
    /// A longer explanation shown under the label (and part of its accessible name).
    pub hint: Option<&'static str>,
}

#[derive(Properties, PartialEq)]
pub struct RadioGroupProps {
    /// The `name` shared by the radios: unique on the page.
    pub name: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub choices: Vec<Choice>,
    /// The selected value; empty for none.
    #[prop_or_default]
    pub selected: AttrValue,
    /// Gets the chosen value, or an empty one when the answer is cleared.
    pub onchange: Callback<AttrValue>,
    /// Offers to clear the answer (an unanswered question is not the same as any answer).
    #[prop_or_default]
    pub clear_label: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
}

/// A question with one answer: a `fieldset` whose `legend` is the question, one labelled radio per
/// choice. Not generic on purpose: one copy of this code serves every question of the app.
#[component]
pub fn RadioGroup(props: &RadioGroupProps) -> Html {
    let hint_id = format!("{}-hint", props.name);
    let options = props.choices.iter().map(|c| {
        let id = format!("{}-{}", props.name, c.value);
        let value = AttrValue::Static(c.value);
        let onchange = props.onchange.reform(move |_| value.clone());
        html! {
            <div class="choice">
                <input type="radio" {id} name={props.name.clone()} value={c.value}
                    checked={props.selected == c.value} {onchange} />
                <label for={format!("{}-{}", props.name, c.value)}>
                    <span class="choice-label">{ c.label.clone() }</span>
                    if let Some(hint) = c.hint {
                        <span class="choice-hint">{ hint }</span>
                    }
                </label>
            </div>
        }
    });
    let clear = props
        .clear_label
        .clone()
        .filter(|_| !props.selected.is_empty());
    html! {
        <fieldset class={classes!("question", props.class.clone())}
            aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend>{ props.legend.clone() }</legend>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            <div class="choices">{ for options }</div>
            if let Some(label) = clear {
                <button type="button" class="link-button"
                    onclick={props.onchange.reform(|_| AttrValue::Static(""))}>{ label }</button>
            }
        </fieldset>
    }
}
