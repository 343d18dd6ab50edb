use yew::prelude::*;

/// One option of a [`radio_group`].
#[derive(Clone, PartialEq)]
pub struct Choice {
    pub value: &'static str,
    pub label: AttrValue,
    /// A longer explanation shown under the label (and part of its accessible name).
    pub hint: Option<&'static str>,
}

/// A question with one answer.
#[derive(Clone, Default)]
pub struct Question {
    /// The `name` shared by the radios: unique on the page.
    pub name: String,
    pub legend: AttrValue,
    pub hint: Option<AttrValue>,
    pub choices: Vec<Choice>,
    /// The selected value; empty for none.
    pub selected: &'static str,
    /// Gets the chosen value, or an empty one when the answer is cleared.
    pub onchange: Callback<&'static str>,
    /// Offers to clear the answer (an unanswered question is not the same as any answer).
    pub clear_label: Option<&'static str>,
    pub class: &'static str,
}

/// A `fieldset` whose `legend` is the question, one labelled radio per choice.
///
/// A plain function rather than a component: Yew instantiates its generic machinery once per
/// component type, and this renders dozens of questions; as a function its code exists once.
pub fn radio_group(q: Question) -> Html {
    let hint_id = format!("{}-hint", q.name);
    let options = q.choices.iter().map(|c| {
        let id = format!("{}-{}", q.name, c.value);
        let value = c.value;
        let onchange = q.onchange.reform(move |_: Event| value);
        html! {
            <div class="choice" key={id.clone()}>
                <input type="radio" id={id.clone()} name={q.name.clone()} value={c.value}
                    checked={q.selected == c.value} {onchange} />
                <label for={id}>
                    <span class="choice-label">{ c.label.clone() }</span>
                    if let Some(hint) = c.hint {
                        <span class="choice-hint">{ hint }</span>
                    }
                </label>
            </div>
        }
    });
    let clear = q.clear_label.filter(|_| !q.selected.is_empty());
    html! {
        // Keyed by what it asks: Yew must never reuse one question's radios for another, or the
        // browser unchecks the stored answer while the inputs change group (issue 10).
        <fieldset key={q.name.clone()} class={classes!("question", q.class)}
            aria-describedby={q.hint.as_ref().map(|_| hint_id.clone())}>
            <legend>{ q.legend.clone() }</legend>
            if let Some(hint) = &q.hint {
                <p class="hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            <div class="choices">{ for options }</div>
            if let Some(label) = clear {
                <button type="button" class="link-button"
                    onclick={q.onchange.reform(|_: MouseEvent| "")}>{ label }</button>
            }
        </fieldset>
    }
}
