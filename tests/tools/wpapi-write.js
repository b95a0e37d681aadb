// Writes to a WordPress REST API with the npm client "wpapi" and an application password, one
// step per run, printing what it got as one JSON object for Herald's tests to check.
//
//   node wpapi-write.js ENDPOINT USER APP_PASSWORD create TITLE CONTENT
//   node wpapi-write.js ENDPOINT USER APP_PASSWORD update ID CONTENT
//   node wpapi-write.js ENDPOINT USER APP_PASSWORD delete ID
//   node wpapi-write.js ENDPOINT USER APP_PASSWORD upload FILE ALT_TEXT
'use strict';

const WPAPI = require('wpapi');

async function main() {
    const [endpoint, username, password, step, ...args] = process.argv.slice(2);
    if (!endpoint || !username || !password || !step) {
        throw new Error('usage: node wpapi-write.js ENDPOINT USER APP_PASSWORD create|update|delete|upload ...');
    }
    const wp = new WPAPI({ endpoint, username, password });
    const shape = (post) => ({ id: post.id, status: post.status, link: post.link, title: post.title && post.title.rendered });
    switch (step) {
        case 'create':
            return shape(await wp.posts().create({ title: args[0], content: args[1], status: 'publish' }));
        case 'update':
            return shape(await wp.posts().id(Number(args[0])).update({ content: args[1] }));
        case 'delete': {
            const answer = await wp.posts().id(Number(args[0])).param('force', true).delete();
            return { deleted: answer.deleted, previous: answer.previous && answer.previous.id };
        }
        case 'upload': {
            const media = await wp.media().file(args[0]).create({ alt_text: args[1] });
            return { id: media.id, source_url: media.source_url, alt_text: media.alt_text, mime_type: media.mime_type };
        }
        default:
            throw new Error('unknown step ' + step);
    }
}

main().then(
    (result) => process.stdout.write(JSON.stringify(result) + '\n'),
    (error) => {
        process.stderr.write(String(error && (error.stack || error.message) || error) + '\n');
        process.exit(1);
    },
);
