-- Where a relationship comes from: 'ingest' (derived from code; a re-ingest of that code
-- replaces it) or 'manual' (a person or an agent added it; ingest never touches it).

alter table public.pattern_relationships
  add column origin text not null default 'manual' check (origin in ('ingest', 'manual'));

-- Ingest has always written its evidence as {"reasons": [...]}; nothing else did.
update public.pattern_relationships set origin = 'ingest' where evidence ? 'reasons';
