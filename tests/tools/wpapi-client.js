// Talks to a WordPress REST API with the npm client "wpapi" (written for WordPress, not for
// Herald) and prints what it got as one JSON object, for Herald's tests to check.
//
//   node wpapi-client.js ENDPOINT CATEGORY_ID SEARCH_TERM
//   e.g. node wpapi-client.js http://127.0.0.1:5000/wp-json 3 harbour
'use strict';

const WPAPI = require('wpapi');

async function main() {
    const [endpoint, categoryArg, term] = process.argv.slice(2);
    if (!endpoint || !categoryArg || !term) {
        throw new Error('usage: node wpapi-client.js ENDPOINT CATEGORY_ID SEARCH_TERM');
    }
    const category = Number(categoryArg);
    const wp = new WPAPI({ endpoint });

    const second = await wp.posts().perPage(2).page(2).get();
    const third = second._paging.next ? await second._paging.next.get() : [];
    const backToFirst = second._paging.prev ? await second._paging.prev.get() : [];
    const inCategory = await wp.posts().categories(category).perPage(100).get();
    const found = await wp.posts().search(term).get();
    const embedded = await wp.posts().perPage(3).embed().get();

    const ids = (posts) => posts.map((p) => p.id);
    return {
        paging: {
            ids: ids(second),
            total: second._paging.total,
            totalPages: second._paging.totalPages,
            hasNext: Boolean(second._paging.next),
            hasPrev: Boolean(second._paging.prev),
            nextIds: ids(third),
            prevIds: ids(backToFirst),
        },
        category: {
            ids: ids(inCategory),
            categories: inCategory.map((p) => p.categories),
        },
        search: {
            ids: ids(found),
            titles: found.map((p) => p.title.rendered),
        },
        embed: embedded.map((p) => ({
            id: p.id,
            author: p.author,
            authors: (p._embedded && p._embedded.author || []).map((a) => ({ id: a.id, name: a.name })),
        })),
    };
}

main().then(
    (result) => process.stdout.write(JSON.stringify(result) + '\n'),
    (error) => {
        process.stderr.write(String(error && (error.stack || error.message) || error) + '\n');
        process.exit(1);
    },
);
