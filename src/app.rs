use std::rc::Rc;

use yew::prelude::*;

use crate::components::{lang_switch, notices};
use crate::config::Modes;
use crate::hooks::{use_persistence, AppContext, AppState, Host, Sender};
use crate::i18n::Lang;
use crate::screens::{StartScreen, Wizard, WorkshopView};
use crate::state::{Focus, State, StorageError};
use crate::steps::valid_step;
use crate::storage::{Loaded, Store};

/// What the host page (or the entry point) tells one widget instance.
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// Storage namespace of this instance.
    #[prop_or(AttrValue::Static("default"))]
    pub namespace: AttrValue,
    /// The language to show when the user has not chosen one.
    #[prop_or_default]
    pub lang: Lang,
    /// What storage held at start-up.
    #[prop_or_default]
    pub loaded: Rc<Loaded>,
    /// A storage failure met while reading it.
    #[prop_or_default]
    pub storage_error: Option<StorageError>,
    /// The app owns the whole page: it then also sets the document's language and title.
    #[prop_or_default]
    pub standalone: bool,
    /// The modes a new assessment may use.
    #[prop_or_default]
    pub modes: Modes,
    /// Whether the start screen introduces the framework (a portal may have its own words).
    #[prop_or(true)]
    pub intro: bool,
}

/// The first state of an instance: what storage held, back where the user left off.
fn initial_state(p: &AppProps) -> State {
    let l = &p.loaded;
    let lang = l.lang.unwrap_or(p.lang);
    // The mount awaited this language's texts; if they could not be loaded, French, and why.
    let mut s = if crate::i18n::is_available(lang) {
        State::new(lang, l.lang.is_some(), p.storage_error)
    } else {
        let mut s = State::new(Lang::Fr, false, p.storage_error);
        s.notice = Some(crate::state::Notice::LangUnavailable(lang));
        s
    };
    s.assessments = l.assessments.iter().cloned().collect();
    s.quarantine = l.quarantine.clone();
    s.exported = l.exported.clone();
    s.positions = l.steps.clone();
    if let Some(a) = l.current.as_deref().and_then(|id| s.find(id)) {
        let step = valid_step(a, l.steps.get(&a.id).copied());
        s.current = Some(a.id.clone());
        s.step = Some(step);
    }
    s
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let p = props.clone();
        use_reducer(move || AppState::new(initial_state(&p)))
    };
    let store = use_memo(props.namespace.clone(), |ns| Store::new(ns));
    use_persistence(&state, &store, &props.loaded.stored);
    // Every view and the host's events read the open assessment's scores from here: computed once
    // per revision, not once per view and render.
    let scores = {
        let state = state.clone();
        let revision = state.open().map(|a| (a.id.clone(), a.revision));
        use_memo(revision, move |_| state.open().map(crate::scoring::compute))
    };
    let context = AppContext::new(
        state.0.clone(),
        Sender::Reducer(state.dispatcher()),
        (*store).clone(),
        format!("ad-{}", props.namespace).into(),
        Host {
            modes: props.modes,
            intro: props.intro,
            standalone: props.standalone,
        },
        scores.clone(),
    );
    {
        let standalone = props.standalone;
        use_effect_with(state.lang, move |&lang| {
            if standalone {
                crate::web::tasks::set_document_language(lang);
            }
        });
    }

    let root = use_node_ref();
    use_arrival_focus(&state, &root, &context);
    use_host_events(&state, &root, &scores);
    use_share_link(&state, &props.namespace);

    let ui = state.lang.ui();
    html! {
        <ContextProvider<AppContext> context={context.clone()}>
            <div class="autodiag" lang={state.lang.id()} ref={root}>
                <header class="masthead">
                    <div class="masthead-inner">
                        <p class="brand">{ ui.app_title }</p>
                        { lang_switch(&context) }
                    </div>
                </header>
                <main class="content">
                    { notices(&context) }
                    if state.workshop.is_some() {
                        <WorkshopView />
                    } else if state.open().is_some() {
                        <Wizard key={state.current.clone().unwrap_or_default()} />
                    } else {
                        <StartScreen />
                    }
                </main>
                <footer class="footer">
                    <p>{ ui.footer }</p>
                </footer>
            </div>
        </ContextProvider<AppContext>>
    }
}

/// Offers the assessment a share link carries (`share`) when the app starts, or when a link is
/// opened in a tab where it already runs (only the fragment changes then): decoded and
/// validated exactly as a file import, imported only if the user says so.
#[hook]
fn use_share_link(state: &UseReducerHandle<AppState>, namespace: &AttrValue) {
    let (state, namespace) = (state.clone(), namespace.clone());
    use_effect_with((), move |_| {
        let dispatch = Callback::from(move |action| state.dispatch(action));
        crate::web::tasks::watch_share_links(namespace.to_string(), dispatch)
    });
}

/// Moves keyboard focus to where the screen changed after each action that changed it (the new
/// screen's heading, the message about what happened, or the question the app asks), never on
/// the first render: a reload must not move focus or repaint the prerendered screen.
#[hook]
fn use_arrival_focus(state: &UseReducerHandle<AppState>, root: &NodeRef, app: &AppContext) {
    let target = state.focus.map(|f| match f {
        Focus::Heading => ".content h1".to_string(),
        Focus::Notice => format!("#{}", app.id("notice")),
        Focus::Decision => "[role=alertdialog] button".to_string(),
    });
    let root = root.clone();
    use_effect_with(state.arrivals, move |&arrivals| {
        if arrivals > 0 {
            if let Some(selector) = target {
                crate::web::focus::focus_within(&root, &selector);
            }
        }
    });
}

/// Tells the host page how the open assessment progresses (see `events`).
#[hook]
fn use_host_events(
    state: &UseReducerHandle<AppState>,
    root: &NodeRef,
    scores: &Rc<Option<crate::scoring::Scores>>,
) {
    // (id, answered, asked) of the last event, so that each change is told once.
    let last = use_mut_ref(|| None::<(String, usize, usize)>);
    let now = state
        .open()
        .zip(scores.as_ref().as_ref())
        .map(|(a, s)| (a.id.clone(), s.answered, s.asked));
    let (state, root) = (state.clone(), root.clone());
    use_effect_with(now, move |now| {
        let (Some((id, answered, asked)), Some(target)) = (now, root.get()) else {
            return;
        };
        let Some(a) = state.find(id) else { return };
        let previous = last.borrow_mut().replace((id.clone(), *answered, *asked));
        let name = match previous {
            Some((pid, pa, _)) if pid == *id && pa == *answered => return,
            Some((pid, pa, _)) if pid == *id && pa < *asked && answered == asked => "completed",
            Some((pid, ..)) if pid == *id => "progress",
            _ if a.revision == 0 => "started",
            // Opening an assessment already under way is no news to the host.
            _ => return,
        };
        crate::events::emit(&target, name, a);
    });
}
