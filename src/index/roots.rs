/*!
Which roots an indexing run walks, adds and removes ([`plan`]), the refusal to empty a root
whose folder is now empty or missing ([`check_emptying`]), and the sidecar metadata of each
root, read before anything changes ([`read_sidecars`]).

Deletions are only ever found inside a root that is walked: a root the run does not name is left
exactly as it is, and a root is removed only when asked (`--remove`), so that indexing a second
folder never replaces the first (issue 20).
*/

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::state::State;
use super::summary::{IndexOptions, Observer, UpdateRequest};
use crate::error::{Error, Result};
use crate::ingest::metadata::{BadLine, Sidecar};
use crate::ingest::roots::{check_name, default_name, unique_name, Root};
use crate::ingest::walk::{self, Found, WalkOptions};

/// What a run does with each root.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Plan {
    /// The roots the index records after the run, in order.
    pub(crate) roots: Vec<Root>,
    /// The names of the roots the run walks.
    pub(crate) update: Vec<String>,
    /// The names of the roots this run adds.
    pub(crate) added: Vec<String>,
}

impl Plan {
    pub(crate) fn root(&self, name: &str) -> Option<&Root> {
        self.roots.iter().find(|root| root.name == name)
    }

    /// How a root is walked: the run's extensions and the root's own; its sidecar skipped.
    pub(crate) fn walk_options(&self, root: &Root, options: &IndexOptions) -> WalkOptions {
        let mut walk = options.walk.clone();
        for extension in &root.extensions {
            if !walk
                .extensions
                .iter()
                .any(|e| e.eq_ignore_ascii_case(extension))
            {
                walk.extensions.push(extension.clone());
            }
        }
        if let Some(inside) = root
            .metadata
            .as_deref()
            .and_then(|m| m.strip_prefix(&root.path).ok())
        {
            walk.skip_paths
                .push(walk::relative_path(Path::new(""), inside));
        }
        walk
    }
}

/// A folder as the index records it: absolute, symbolic links resolved.
fn absolute(path: &Path) -> Result<PathBuf> {
    let absolute = path
        .canonicalize()
        .map_err(|_| Error::NotADirectory(path.to_path_buf()))?;
    if !absolute.is_dir() {
        return Err(Error::NotADirectory(path.to_path_buf()));
    }
    Ok(absolute)
}

fn list(roots: &[Root]) -> String {
    if roots.is_empty() {
        return "it records none".to_string();
    }
    let names: Vec<String> = roots
        .iter()
        .map(|r| format!("{} ({})", r.name, r.path.display()))
        .collect();
    format!("its roots are {}", names.join(", "))
}

/// Resolves a request against the recorded roots.
///
/// # Errors
///
/// [`Error::NotADirectory`] for a folder that is not one; [`Error::Usage`] for a root to remove
/// that the index does not hold, a name that is taken or unusable, a folder inside another root
/// (or holding one), a metadata file that does not exist, and a run with nothing to index.
pub(crate) fn plan(
    recorded: &[Root],
    request: &UpdateRequest,
    options: &IndexOptions,
) -> Result<Plan> {
    let mut plan = Plan {
        roots: recorded.to_vec(),
        ..Plan::default()
    };
    for wanted in &request.remove {
        let by_path = Path::new(wanted).canonicalize().ok();
        let Some(at) = plan
            .roots
            .iter()
            .position(|r| r.name == *wanted || Some(&r.path) == by_path.as_ref())
        else {
            return Err(Error::Usage(format!(
                "the index has no root {wanted:?}; {}",
                list(&plan.roots)
            )));
        };
        plan.roots.remove(at);
    }
    for folder in &request.folders {
        let path = absolute(&folder.path)?;
        let metadata = match &folder.metadata {
            Some(file) => Some(file.canonicalize().map_err(|e| {
                Error::Usage(format!(
                    "metadata file {}: {e}; name an existing .jsonl, .csv or .tsv file",
                    file.display()
                ))
            })?),
            None => None,
        };
        if let Some(name) = &folder.name {
            check_name(name).map_err(Error::Usage)?;
        }
        if let Some(root) = plan.roots.iter_mut().find(|r| r.path == path) {
            if let Some(name) = folder.name.as_ref().filter(|n| **n != root.name) {
                return Err(Error::Usage(format!(
                    "{} is the root {:?} of this index, not {name:?}; to rename it, remove it (`newsdex index --remove {}`) and add it again with --name",
                    path.display(),
                    root.name,
                    root.name
                )));
            }
            for extension in &folder.extensions {
                if !root.extensions.contains(extension) {
                    root.extensions.push(extension.clone());
                }
            }
            if metadata.is_some() {
                root.metadata = metadata;
            }
            if !plan.update.contains(&root.name) {
                plan.update.push(root.name.clone());
            }
            continue;
        }
        if request
            .remove
            .iter()
            .any(|r| Path::new(r).canonicalize().ok() == Some(path.clone()))
        {
            return Err(Error::Usage(format!(
                "{} is both added and removed; name it once",
                path.display()
            )));
        }
        if let Some(other) = plan
            .roots
            .iter()
            .find(|r| path.starts_with(&r.path) || r.path.starts_with(&path))
        {
            let (inner, outer) = if path.starts_with(&other.path) {
                (
                    path.display().to_string(),
                    format!("the root {:?} ({})", other.name, other.path.display()),
                )
            } else {
                (
                    format!("the root {:?} ({})", other.name, other.path.display()),
                    path.display().to_string(),
                )
            };
            return Err(Error::Usage(format!(
                "{inner} is inside {outer}: its articles would be indexed twice; index the folders as separate roots after `newsdex index --remove {}`, or keep the one root",
                other.name
            )));
        }
        let taken: Vec<&str> = plan.roots.iter().map(|r| r.name.as_str()).collect();
        let name = match &folder.name {
            Some(name) if taken.contains(&name.as_str()) => {
                return Err(Error::Usage(format!(
                    "the index has a root named {name:?} already; choose another --name"
                )))
            }
            Some(name) => name.clone(),
            None => unique_name(&default_name(&path), &taken),
        };
        plan.roots.push(Root {
            name: name.clone(),
            path,
            extensions: folder.extensions.clone(),
            metadata,
        });
        plan.update.push(name.clone());
        plan.added.push(name);
    }
    if options.rebuild || (request.folders.is_empty() && request.remove.is_empty()) {
        plan.update = plan.roots.iter().map(|r| r.name.clone()).collect();
    }
    if plan.update.is_empty() && request.remove.is_empty() {
        return Err(Error::Usage(
            "the index records no folder to update; give the folder to index: `newsdex index DIR`"
                .to_string(),
        ));
    }
    Ok(plan)
}

/// Refuses a run that would remove every article of a root whose folder is now missing or holds
/// no article file, unless `options.yes`; with it, a root whose folder is missing is removed.
/// `held` is what the index holds of each root (`None` when it cannot be read: an index of
/// another version, which is rebuilt).
///
/// # Errors
///
/// [`Error::Usage`] naming the root, its folder and what to do.
pub(crate) fn check_emptying(
    plan: &mut Plan,
    held: Option<&State>,
    options: &IndexOptions,
) -> Result<()> {
    let mut dropped = Vec::new();
    for name in &plan.update {
        let Some(root) = plan.root(name) else {
            continue;
        };
        if plan.added.contains(name) {
            continue;
        }
        let articles: Option<usize> = held.map(|state| {
            state
                .get(name)
                .map_or(0, |files| files.values().map(|f| f.articles).sum())
        });
        let missing = !root.path.is_dir();
        let empty = !missing
            && !walk::walk_iter(&root.path, &plan.walk_options(root, options))?
                .any(|found| matches!(found, Found::File { .. }));
        if !(missing || (empty && articles != Some(0))) {
            continue;
        }
        if options.yes {
            if missing {
                dropped.push(name.clone());
            }
            continue;
        }
        let what = if missing {
            "is missing"
        } else {
            "holds no article file"
        };
        let count = match articles {
            Some(n) => format!("{n} articles"),
            None => "the articles".to_string(),
        };
        return Err(Error::Usage(format!(
            "the folder of root {name:?} ({}) {what}, and indexing it would remove all {count} the index holds of it: a wrong path or an unmounted disk? Restore the folder and run again; to remove them, run again with --yes or use `newsdex index --remove {name}`",
            root.path.display()
        )));
    }
    plan.roots.retain(|r| !dropped.contains(&r.name));
    plan.update.retain(|n| !dropped.contains(n));
    Ok(())
}

/// The sidecars of the roots a run walks.
#[derive(Debug, Default)]
pub(crate) struct Sidecars {
    by_root: HashMap<String, Sidecar>,
    none: Sidecar,
    /// The lines they skipped.
    pub(crate) bad_lines: Vec<BadLine>,
}

impl Sidecars {
    /// The sidecar of a root (an empty one when it has none).
    pub(crate) fn of(&self, root: &str) -> &Sidecar {
        self.by_root.get(root).unwrap_or(&self.none)
    }
}

/// Reads the sidecars of each root the run walks (the one named with `--metadata`, or the one at
/// its top, and those of its sub-folders), telling `observer` of the lines skipped.
///
/// # Errors
///
/// [`Error::Usage`] naming a sidecar that cannot be read at all: indexing without it would take
/// its fields from every article, so nothing is changed.
pub(crate) fn read_sidecars(plan: &Plan, observer: &dyn Observer) -> Result<Sidecars> {
    let mut sidecars = Sidecars::default();
    for name in &plan.update {
        let Some(root) = plan.root(name) else {
            continue;
        };
        // `--metadata` stands for the root's own; those of sub-folders are read as well.
        let mut files: Vec<(PathBuf, String)> = root
            .metadata
            .iter()
            .map(|path| (path.clone(), String::new()))
            .collect();
        files.extend(
            Sidecar::find_all(&root.path)
                .into_iter()
                .filter(|(_, folder)| root.metadata.is_none() || !folder.is_empty()),
        );
        if files.is_empty() {
            continue;
        }
        let mut sidecar = Sidecar::default();
        for (path, folder) in files {
            let bad = sidecar.add(&path, &folder).map_err(|reason| {
                Error::Usage(format!(
                    "metadata file {}: {reason}; fix it (or move it away) and run again",
                    path.display()
                ))
            })?;
            for line in &bad {
                observer.bad_line(line);
            }
            sidecars.bad_lines.extend(bad);
        }
        sidecars.by_root.insert(name.clone(), sidecar);
    }
    Ok(sidecars)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::summary::RootRequest;

    fn folders(dir: &Path, names: &[&str]) -> Vec<PathBuf> {
        names
            .iter()
            .map(|n| {
                let path = dir.join(n);
                std::fs::create_dir_all(&path).expect("mkdir");
                path.canonicalize().expect("canonical")
            })
            .collect()
    }

    #[test]
    fn roots_are_added_updated_and_removed_by_name_or_folder() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let paths = folders(dir.path(), &["a/corpus", "b/corpus", "wire"]);
        let options = IndexOptions::default();
        let add = |recorded: &[Root], folders: Vec<RootRequest>| {
            plan(
                recorded,
                &UpdateRequest {
                    folders,
                    remove: Vec::new(),
                },
                &options,
            )
        };
        let first = add(&[], vec![RootRequest::new(&paths[0])]).expect("added");
        assert_eq!(first.roots[0].name, "corpus");
        let second = add(&first.roots, vec![RootRequest::new(&paths[1])]).expect("added");
        let names: Vec<&str> = second.roots.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["corpus", "corpus-2"]);
        assert_eq!(second.update, ["corpus-2"]);
        // No folder: every recorded root.
        let all = add(&second.roots, Vec::new()).expect("all");
        assert_eq!(all.update, ["corpus", "corpus-2"]);
        // A recorded folder is updated, not added again.
        let again = add(&second.roots, vec![RootRequest::new(&paths[0])]).expect("again");
        assert_eq!(
            (again.roots.len(), again.update.clone()),
            (2, vec!["corpus".to_string()])
        );
        // Removal by name or by folder.
        let removed = plan(
            &second.roots,
            &UpdateRequest {
                folders: Vec::new(),
                remove: vec!["corpus".into(), paths[1].display().to_string()],
            },
            &options,
        )
        .expect("removed");
        assert!(removed.roots.is_empty() && removed.update.is_empty());
        let unknown = plan(
            &second.roots,
            &UpdateRequest {
                folders: Vec::new(),
                remove: vec!["nope".into()],
            },
            &options,
        );
        assert!(matches!(unknown, Err(Error::Usage(m)) if m.contains("no root \"nope\"")));
        // A name that is taken, a folder inside a root, a rename.
        let mut named = RootRequest::new(&paths[2]);
        named.name = Some("corpus".into());
        assert!(add(&second.roots, vec![named]).is_err());
        let inside = folders(dir.path(), &["a/corpus/2019"]);
        let err = add(&second.roots, vec![RootRequest::new(&inside[0])]).expect_err("nested");
        assert!(
            err.to_string().contains("inside the root \"corpus\""),
            "{err}"
        );
        let mut renamed = RootRequest::new(&paths[0]);
        renamed.name = Some("other".into());
        assert!(add(&second.roots, vec![renamed]).is_err());
        // Nothing recorded, nothing named.
        assert!(add(&[], Vec::new()).is_err());
    }

    #[test]
    fn emptying_a_root_is_refused_unless_asked() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let paths = folders(dir.path(), &["feed", "gone"]);
        std::fs::remove_dir(&paths[1]).expect("rmdir");
        let roots = vec![
            Root {
                name: "feed".into(),
                path: paths[0].clone(),
                extensions: Vec::new(),
                metadata: None,
            },
            Root {
                name: "gone".into(),
                path: paths[1].clone(),
                extensions: Vec::new(),
                metadata: None,
            },
        ];
        let mut held: State = HashMap::new();
        held.entry("feed".into())
            .or_default()
            .insert("a.txt".into(), crate::index::state::tests_file_state(3));
        let mut options = IndexOptions::default();
        let mut feed = plan(&roots, &UpdateRequest::default(), &options).expect("plan");
        feed.update = vec!["feed".into()];
        let err = check_emptying(&mut feed.clone(), Some(&held), &options).expect_err("refused");
        assert!(err.to_string().contains("holds no article file"), "{err}");
        assert!(err.to_string().contains("all 3 articles"), "{err}");
        let mut gone = feed.clone();
        gone.update = vec!["gone".into()];
        let err = check_emptying(&mut gone.clone(), Some(&held), &options).expect_err("refused");
        assert!(err.to_string().contains("is missing"), "{err}");
        options.yes = true;
        check_emptying(&mut feed, Some(&held), &options).expect("allowed");
        assert_eq!(feed.update, ["feed"]);
        check_emptying(&mut gone, Some(&held), &options).expect("allowed");
        assert!(gone.update.is_empty());
        assert_eq!(gone.roots.len(), 1);
    }
}
