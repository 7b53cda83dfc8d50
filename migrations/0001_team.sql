-- The demo's Team page: who is on the team and what they do.
CREATE TABLE team (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  saved_by TEXT
);

INSERT INTO team (name, role, active) VALUES
  ('Ada Lovelace', 'Analyst', 1),
  ('Grace Hopper', 'Engineer', 1),
  ('Alan Turing', 'Researcher', 0);
