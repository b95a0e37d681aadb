#!/bin/bash
# analysis-dump.sh DB : everything an import's analysis phase wrote to a SQLite database, sorted,
# entity ids resolved to type and slug (ids may differ between runs), one row a line. Two runs of
# the analysis on copies of one template give identical dumps when their output is identical:
#   bench/wordpress/analysis-dump.sh old.db > old.txt; bench/wordpress/analysis-dump.sh new.db > new.txt; cmp old.txt new.txt
set -euo pipefail
sqlite3 "file:$1?mode=ro" <<'SQL'
.mode list
select 'E', Type, Name, Slug, Review from NamedEntities order by Type, Slug;
select 'A', e.Type, e.Slug, a.Folded, a.Name from EntityAlias a join NamedEntities e on e.Id = a.EntityId order by 2, 3, 4, 5;
select 'M', m.ArticleId, e.Type, e.Slug, m.Count, m.Confident from EntityMention m join NamedEntities e on e.Id = m.EntityId order by 2, 3, 4;
select 'Q', q.ArticleId, q.Start, q."End", e.Type, e.Slug, q.SpeakerConfident, q.Kind, q.Cue, q.Text from ArticleQuote q left join NamedEntities e on e.Id = q.SpeakerId order by 2, 3, 4, 9;
select 'F', ArticleId, Start, "End", Text, Value, Unit, Scale, Period from ArticleFigure order by 2, 3, 4, 5;
select 'R', ArticleId, RelatedArticleId, Score, Reasons from RelatedArticles order by 2, 3;
select 'T', ArticleId, Term, Weight from ArticleTerms order by 2, 3;
select 'I', ArticleId, Terms from IndexedArticles order by 2;
select 'TF', Term, DocumentCount from TermFrequencies order by 2;
SQL
