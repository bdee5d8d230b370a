-- Adds to (or takes from) a project's lexeme counts (private.search_lexeme_stats) what an
-- ingest changed: per lexeme, how many more (or fewer) of the project's patterns hold it.
-- An ingest that wrote a few patterns of thousands adjusts the counts by the old and new
-- vectors of those few instead of recounting every pattern (refresh_search_lexeme_stats);
-- lib/ingest does so only while the counts are known to be exact. security definer, like
-- the recount: nobody writes the counts directly.
create or replace function public.adjust_search_lexeme_stats(target_project_id uuid, changes jsonb)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  adjusted integer;
begin
  if auth.role() is distinct from 'service_role'
     and not private.has_project_role(target_project_id, array['admin', 'member']) then
    raise exception 'only project admins and members can adjust search statistics' using errcode = '42501';
  end if;
  insert into private.search_lexeme_stats as s (project_id, lexeme, documents)
  select target_project_id, c.key, c.value::integer
  from pg_catalog.jsonb_each_text(changes) c
  on conflict (project_id, lexeme) do update set documents = s.documents + excluded.documents;
  get diagnostics adjusted = row_count;
  delete from private.search_lexeme_stats s where s.project_id = target_project_id and s.documents <= 0;
  return adjusted;
end
$$;

revoke execute on function public.adjust_search_lexeme_stats(uuid, jsonb) from public, anon;
grant execute on function public.adjust_search_lexeme_stats(uuid, jsonb) to authenticated, service_role;
