-- One naming scheme for the feed: `<subject>.<what happened>`, lowercase and dotted, as the
-- API, the feedback triggers and hard_delete_pattern already write them (`pattern.created`,
-- `pattern.used`, `pattern.deleted`). Ingest used to write `pattern_created`,
-- `pattern_updated` and `occurrences_removed`: those rows are renamed so the feed reads as one.

update public.pattern_events set event_type = case event_type
    when 'pattern_created' then 'pattern.created'
    when 'pattern_updated' then 'pattern.updated'
    when 'occurrences_removed' then 'pattern.occurrences_removed'
  end
where event_type in ('pattern_created', 'pattern_updated', 'occurrences_removed');

-- Any other undotted type (members may add events of their own) becomes a pattern event.
update public.pattern_events set event_type = left('pattern.' || event_type, 64) where position('.' in event_type) = 0;

alter table public.pattern_events add constraint pattern_events_event_type_dotted
  check (event_type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$');
