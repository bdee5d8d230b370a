-- What a language model wrote of a pattern (`motif describe`: llm_name, llm_description) joins
-- its full-text document at weight B, beside the extractor's description, so an intent meets
-- the model's words in the text list as it already does in the vector (describe re-embeds the
-- pattern with them). The trigger of 20261121001200_match_counter_hot_updates.sql now also runs
-- when those columns change; described patterns are recomputed once here, without touching
-- their updated_at.

create or replace function private.pattern_search_vector(name text, description text, search_text text, llm_name text, llm_description text)
returns tsvector
language sql
immutable
parallel safe
set search_path = ''
as $$
  select setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(llm_name, '') || ' ' || coalesce(llm_description, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'C')
$$;

create or replace function private.set_pattern_search_vector()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.search_vector := private.pattern_search_vector(new.name, new.description, new.search_text, new.llm_name, new.llm_description);
  return new;
end
$$;

revoke execute on function private.set_pattern_search_vector() from public, anon;

drop trigger patterns_set_search_vector on public.patterns;
create trigger patterns_set_search_vector
  before insert or update of name, description, search_text, search_vector, llm_name, llm_description on public.patterns
  for each row execute function private.set_pattern_search_vector();

alter table public.patterns disable trigger patterns_touch_updated_at;
update public.patterns set search_vector = null where llm_name is not null or llm_description is not null;
alter table public.patterns enable trigger patterns_touch_updated_at;
