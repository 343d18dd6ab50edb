//! The on-demand module's side: the screens it draws (the walk's review; the profile with the
//! printed report, sharing and the comparison; the blank questionnaire; the workshop's merged
//! view and its show-of-hands form) as a Yew app of their own, from what the
//! first module sends (`remote::Head` and export documents) and with every action sent back as a
//! `remote::Reply`. The `autodiag-extras` crate exports it to JavaScript; the first module never
//! links it (nothing of its own names it), so none of it weighs on the first visit.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Modes;
use crate::format::import;
use crate::hooks::{AppContext, Host, Sender};
use crate::remote::{Head, Reply, Screen};
use crate::state::{Action, State};
use crate::steps::Step;
use crate::storage::Store;

#[derive(Properties, Clone)]
pub struct ExtrasProps {
    pub head: Rc<Head>,
    /// The copy of the state the screens read: only what the first module sent.
    pub state: Rc<State>,
    /// Where replies go (JSON).
    pub reply: Callback<String>,
}

impl PartialEq for ExtrasProps {
    /// Each message from the first module is read into new values: the same `Rc`s are the same
    /// props, and comparing states field by field would only add code.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.head, &other.head)
            && Rc::ptr_eq(&self.state, &other.state)
            && self.reply == other.reply
    }
}

impl ExtrasProps {
    /// Reads what the first module sent: the head, and each document (the open assessment first,
    /// then those it can be compared with) through the import door. A message for the console if
    /// anything is amiss (the first module wrote it: a bug).
    pub fn read(head: &str, docs: &[String], reply: Callback<String>) -> Result<Self, String> {
        let head = Head::from_json(head).ok_or("not a head")?;
        let assessments = docs
            .iter()
            .map(|d| import(d.as_bytes()).map_err(|e| e.message(head.lang)))
            .collect::<Result<Vec<_>, _>>()?;
        let mut s = State::new(head.lang, true, None);
        s.assessments = assessments.into_iter().collect();
        s.current = head.current.clone();
        s.workshop = head.workshop.clone().map(|merged| {
            Rc::new(crate::state::WorkshopSession {
                merged,
                tally: head.screen == Screen::Tally,
                ..Default::default()
            })
        });
        s.step = head.current.as_ref().map(|_| match head.screen {
            Screen::Review => Step::Review,
            _ => Step::Profile,
        });
        Ok(ExtrasProps {
            head: Rc::new(head),
            state: Rc::new(s),
            reply,
        })
    }
}

#[component]
pub fn ExtrasApp(props: &ExtrasProps) -> Html {
    let state = &props.state;
    let scores = {
        let state = state.clone();
        let revision = state.open().map(|a| (a.id.clone(), a.revision));
        use_memo(revision, move |_| state.open().map(crate::scoring::compute))
    };
    let sender = use_memo(props.reply.clone(), |reply| {
        let reply = reply.clone();
        Sender::Remote(Callback::from(move |action: Action| {
            if let Some(r) = Reply::from_action(&action) {
                reply.emit(r.to_json());
            }
        }))
    });
    let head = &props.head;
    let context = AppContext::new(
        state.clone(),
        (*sender).clone(),
        Store::new(&head.namespace),
        head.ids.clone().into(),
        Host {
            modes: Modes::default(),
            intro: true,
            standalone: head.standalone,
        },
        scores,
    );
    let body = match head.screen {
        Screen::Profile => html! { <crate::screens::Profile /> },
        Screen::Review => match context.open() {
            Some(a) => crate::screens::review_step(&context, a),
            None => Html::default(),
        },
        Screen::Blank => {
            let reply = props.reply.clone();
            let back = Callback::from(move |_| reply.emit(Reply::Back.to_json()));
            crate::screens::blank_questionnaire(&context, back)
        }
        Screen::Workshop | Screen::Tally => crate::screens::workshop_body(&context),
    };
    html! {
        <ContextProvider<AppContext> {context}>{ body }</ContextProvider<AppContext>>
    }
}
