//! The saved assessments, each shared: a new state after an edit copies the list of pointers and
//! clones only the assessment that changed, never the others.

use std::ops::Index;
use std::rc::Rc;

use crate::model::Assessment;

/// The assessments in the list's order. Read like a slice (`len`, `iter`, `[i]`); changed only by
/// the reducer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessments(Vec<Rc<Assessment>>);

impl Assessments {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Assessment> {
        self.0.iter().map(|a| &**a)
    }

    pub fn find(&self, id: &str) -> Option<&Assessment> {
        self.iter().find(|a| a.id == id)
    }

    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.0.iter().position(|a| a.id == id)
    }

    pub(super) fn push(&mut self, a: Assessment) {
        self.0.push(Rc::new(a));
    }

    pub(super) fn insert(&mut self, i: usize, a: Assessment) {
        self.0.insert(i, Rc::new(a));
    }

    pub(super) fn set(&mut self, i: usize, a: Assessment) {
        self.0[i] = Rc::new(a);
    }

    pub(super) fn remove(&mut self, i: usize) -> Assessment {
        Rc::unwrap_or_clone(self.0.remove(i))
    }

    /// The assessment at `i`, to change: cloned here if another state still shares it.
    pub(super) fn get_mut(&mut self, i: usize) -> &mut Assessment {
        Rc::make_mut(&mut self.0[i])
    }

    pub(super) fn clear(&mut self) {
        self.0.clear();
    }
}

impl Index<usize> for Assessments {
    type Output = Assessment;

    fn index(&self, i: usize) -> &Assessment {
        &self.0[i]
    }
}

impl<'a> IntoIterator for &'a Assessments {
    type Item = &'a Assessment;
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, Rc<Assessment>>, fn(&Rc<Assessment>) -> &Assessment>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|a| &**a)
    }
}

impl FromIterator<Assessment> for Assessments {
    fn from_iter<I: IntoIterator<Item = Assessment>>(iter: I) -> Self {
        Assessments(iter.into_iter().map(Rc::new).collect())
    }
}
