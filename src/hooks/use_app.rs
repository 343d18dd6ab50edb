use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::config::Modes;
use crate::hooks::AppState;
use crate::i18n::Ui;
use crate::platform;
use crate::scoring::Scores;
use crate::state::{Action, Edit, State};
use crate::storage::Store;

/// What every component of one widget instance shares: its state, its storage and a way to change
/// the state. Each instance has its own, so two widgets on a page never share either.
#[derive(Clone)]
pub struct AppContext {
    state: Rc<State>,
    sender: Sender,
    pub store: Store,
    /// Prefix of the element ids of this instance, unique on the page.
    pub ids: AttrValue,
    /// What the host page allows and shows.
    pub host: Host,
    /// The open assessment's scores, computed once per revision (`None` with none open).
    pub scores: Rc<Option<Scores>>,
}

/// The host page's settings that views follow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Host {
    pub modes: Modes,
    pub intro: bool,
    pub standalone: bool,
}

/// Where a widget's actions go: its own reducer, or (in the on-demand module, which draws from a
/// copy of the state) back to the first module, whose reducer is the only one that changes state.
#[derive(Clone, PartialEq)]
pub enum Sender {
    Reducer(UseReducerDispatcher<AppState>),
    Remote(Callback<Action>),
}

impl Sender {
    fn send(&self, action: Action) {
        match self {
            Sender::Reducer(d) => d.dispatch(action),
            Sender::Remote(c) => c.emit(action),
        }
    }
}

impl AppContext {
    pub fn new(
        state: Rc<State>,
        sender: Sender,
        store: Store,
        ids: AttrValue,
        host: Host,
        scores: Rc<Option<Scores>>,
    ) -> Self {
        AppContext {
            state,
            sender,
            store,
            ids,
            host,
            scores,
        }
    }

    pub fn dispatch(&self, action: Action) {
        self.sender.send(action);
    }

    /// A callback that dispatches the action it is given, for event handlers.
    pub fn dispatcher(&self) -> Callback<Action> {
        let sender = self.sender.clone();
        Callback::from(move |action| sender.send(action))
    }

    /// A callback that applies an edit to the open assessment, stamped with the time.
    pub fn editor(&self) -> Callback<Edit> {
        let sender = self.sender.clone();
        Callback::from(move |edit| {
            sender.send(Action::Edit {
                now: platform::now(),
                edit,
            })
        })
    }

    /// The interface's words in the current language.
    pub fn ui(&self) -> &'static Ui {
        self.state.lang.ui()
    }

    /// An element id unique to this widget instance.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.ids)
    }
}

impl PartialEq for AppContext {
    /// The same state is the same `Rc`: a changed state is always a new one (`State::reduce`).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
            && self.sender == other.sender
            && self.store == other.store
            && self.ids == other.ids
            && self.host == other.host
            && Rc::ptr_eq(&self.scores, &other.scores)
    }
}

impl Deref for AppContext {
    type Target = State;

    fn deref(&self) -> &State {
        &self.state
    }
}

/// The state of the widget instance this component is in.
///
/// ```ignore
/// #[component]
/// fn Title() -> Html {
///     let app = use_app();
///     html! { <h1>{ app.ui().app_title }</h1> }
/// }
/// ```
#[hook]
pub fn use_app() -> AppContext {
    // Every component is rendered under `App`, which always provides the context.
    use_context::<AppContext>().expect("use_app() must be called below <App>")
}
