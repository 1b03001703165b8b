-- 004 — campaigns (đợt báo cáo) and the units' reports, with their history,
-- attachments and in-app notices. Portable SQL; {{ID}} and {{BLOB}} are filled
-- in per engine by db_migrate(). Times are BIGINT Unix seconds (UTC), dates
-- TEXT 'YYYY-MM-DD', booleans INTEGER 0/1. docs/campaigns.md explains the model.

-- One request for reports: issued by a unit to units of its subtree, on one
-- outline (frozen while a campaign uses it), with one deadline.
-- A cascaded campaign (a middle unit forwarding its parent's request) keeps
-- the parent campaign and the middle unit's own report in it, so that
-- compilation can fill that report from its subordinates' reports.
-- parent_report_id has no FOREIGN KEY on purpose: reports reference
-- campaigns, and a cycle between the two tables would break the table order
-- `thidua db copy` relies on. Core keeps it consistent (it is the report of
-- issuer_unit_id in parent_campaign_id).
CREATE TABLE campaigns (
	id {{ID}},
	issuer_unit_id BIGINT NOT NULL REFERENCES units(id),
	title TEXT NOT NULL,
	document_no TEXT NOT NULL DEFAULT '',
	document_date TEXT,
	outline_id BIGINT NOT NULL REFERENCES outlines(id),
	outline_version INTEGER NOT NULL,
	period_from TEXT,
	period_to TEXT,
	deadline_at BIGINT NOT NULL,
	-- 1 when the deadline was given as a date (end of that day, UTC+7)
	deadline_date_only INTEGER NOT NULL DEFAULT 0,
	movement_id BIGINT REFERENCES movements(id),
	parent_campaign_id BIGINT REFERENCES campaigns(id),
	parent_report_id BIGINT,
	require_approval INTEGER NOT NULL DEFAULT 0,
	created_by BIGINT,
	created_at BIGINT NOT NULL,
	search_key TEXT NOT NULL
);
CREATE INDEX campaigns_issuer ON campaigns(issuer_unit_id, created_at);
CREATE INDEX campaigns_outline ON campaigns(outline_id);
CREATE INDEX campaigns_parent ON campaigns(parent_campaign_id);

CREATE TABLE campaign_recipients (
	campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
	unit_id BIGINT NOT NULL REFERENCES units(id),
	added_at BIGINT NOT NULL,
	added_by BIGINT,
	PRIMARY KEY (campaign_id, unit_id)
);
CREATE INDEX campaign_recipients_unit ON campaign_recipients(unit_id, campaign_id);

-- One unit's answer to one campaign. `version` grows with every save of the
-- content (optimistic concurrency: a save names the version it started
-- from). `late` is decided once, by the server clock at the first
-- submission; `submitted_at` is the latest submission.
CREATE TABLE reports (
	id {{ID}},
	campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
	unit_id BIGINT NOT NULL REFERENCES units(id),
	state TEXT NOT NULL DEFAULT 'draft'
		CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
	version INTEGER NOT NULL DEFAULT 1,
	first_submitted_at BIGINT,
	submitted_at BIGINT,
	late INTEGER,
	accepted_at BIGINT,
	approved_by BIGINT,
	approved_at BIGINT,
	updated_at BIGINT NOT NULL,
	updated_by BIGINT,
	UNIQUE (campaign_id, unit_id)
);
CREATE INDEX reports_unit ON reports(unit_id, campaign_id);

-- Narrative per outline item, in the light markup of docs/campaigns.md.
CREATE TABLE report_texts (
	report_id BIGINT NOT NULL REFERENCES reports(id),
	item_id BIGINT NOT NULL REFERENCES outline_items(id),
	text TEXT NOT NULL,
	PRIMARY KEY (report_id, item_id)
);

-- Figure cells by stable row and column keys: compiling a campaign is one
-- GROUP BY (item_id, row_key, col_key) over its reports.
CREATE TABLE report_values (
	report_id BIGINT NOT NULL REFERENCES reports(id),
	item_id BIGINT NOT NULL REFERENCES outline_items(id),
	row_key TEXT NOT NULL,
	col_key TEXT NOT NULL,
	value NUMERIC NOT NULL,
	PRIMARY KEY (report_id, item_id, row_key, col_key)
);

-- Exemplary models an item asks for (điển hình tiên tiến, mô hình hay).
CREATE TABLE report_models (
	id {{ID}},
	report_id BIGINT NOT NULL REFERENCES reports(id),
	item_id BIGINT NOT NULL REFERENCES outline_items(id),
	position INTEGER NOT NULL,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('collective', 'individual', 'household', 'model')),
	address TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	jobs_created BIGINT,
	households_helped BIGINT,
	members BIGINT,
	summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_models_report ON report_models(report_id, item_id, position);

-- Everything that happened to a report: submit, approval_requested, return
-- (with the reason), accept, attach, detach.
CREATE TABLE report_events (
	id {{ID}},
	report_id BIGINT NOT NULL REFERENCES reports(id),
	at BIGINT NOT NULL,
	user_id BIGINT,
	event TEXT NOT NULL,
	version INTEGER NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	late INTEGER
);
CREATE INDEX report_events_report ON report_events(report_id, at);

-- The content as it was submitted, one row per submitted version (a
-- resubmission without changes refers to the same row).
CREATE TABLE report_versions (
	report_id BIGINT NOT NULL REFERENCES reports(id),
	version INTEGER NOT NULL,
	snapshot TEXT NOT NULL,
	saved_by BIGINT,
	saved_at BIGINT NOT NULL,
	PRIMARY KEY (report_id, version)
);

-- Files attached to a report. Removing one only marks it, so the versions
-- submitted with it keep it.
CREATE TABLE attachments (
	id {{ID}},
	report_id BIGINT NOT NULL REFERENCES reports(id),
	name TEXT NOT NULL,
	mime TEXT NOT NULL,
	size BIGINT NOT NULL,
	sha256 TEXT NOT NULL,
	data {{BLOB}} NOT NULL,
	created_by BIGINT,
	created_at BIGINT NOT NULL,
	deleted_at BIGINT
);
CREATE INDEX attachments_report ON attachments(report_id);

-- In-app notices to a unit (optionally only to one role of it, e.g. the
-- leaders asked to approve): a campaign received, a reminder, a report
-- returned or accepted.
CREATE TABLE notices (
	id {{ID}},
	unit_id BIGINT NOT NULL REFERENCES units(id),
	role TEXT,
	campaign_id BIGINT REFERENCES campaigns(id),
	report_id BIGINT REFERENCES reports(id),
	kind TEXT NOT NULL,
	message TEXT NOT NULL,
	created_by BIGINT,
	created_at BIGINT NOT NULL,
	read_at BIGINT,
	read_by BIGINT
);
CREATE INDEX notices_unit ON notices(unit_id, read_at, created_at);
CREATE INDEX notices_campaign ON notices(campaign_id, unit_id, kind);
