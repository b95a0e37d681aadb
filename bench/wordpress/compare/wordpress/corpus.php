<?php
// Generates the bench corpus inside WordPress through its own API: POSTS news-like posts
// (several paragraphs each, six categories (in turn), forty tags, three authors, dates spread over the
// last two years, "Putin" in about one post in twelve so that search has hits) and 20 approved
// comments on the newest post, the page the article row measures. Seeded: the same POSTS give
// the same corpus.
// Usage: WORDPRESS_CONFIG=... HTTP_HOST=127.0.0.1:PORT php corpus.php POSTS
require '/usr/share/wordpress/wp-load.php';

$posts = (int) ($argv[1] ?? 5001);
mt_srand(1);
$pick = fn(array $list) => $list[mt_rand(0, count($list) - 1)];

$categories = array();
foreach (array('World', 'Politics', 'Business', 'Sport', 'Culture', 'Science') as $name) {
    $categories[] = wp_insert_term($name, 'category')['term_id'];
}
$places = array('Tallinn', 'Riga', 'Vilnius', 'Helsinki', 'Stockholm', 'Warsaw', 'Berlin', 'Kyiv', 'Brussels', 'Oslo',
    'Copenhagen', 'Gdansk', 'Tartu', 'Turku', 'Narva', 'Klaipeda', 'Malmo', 'Bergen', 'Lviv', 'Krakow');
$topics = array('energy', 'ferries', 'elections', 'budget', 'housing', 'schools', 'hospitals', 'railways', 'football',
    'ice hockey', 'theatre', 'music festival', 'wind farms', 'fisheries', 'defence', 'inflation', 'tourism',
    'start-ups', 'climate', 'universities');
$tags = array_merge($places, $topics);
$authors = array(1);
foreach (array('Maria Tamm', 'Jonas Berg', 'Ilona Virtanen') as $i => $name) {
    $authors[] = wp_insert_user(array('user_login' => 'author' . $i, 'user_pass' => wp_generate_password(24),
        'display_name' => $name, 'user_email' => "author$i@example.org", 'role' => 'author'));
}

$subjects = array('The city council', 'The government', 'A new report', 'The port authority', 'Local residents',
    'The central bank', 'The ministry', 'Opposition members', 'The university', 'Union leaders', 'The regional court',
    'Investors', 'The coach', 'Organisers', 'Scientists');
$verbs = array('announced', 'criticised', 'approved', 'postponed', 'defended', 'questioned', 'welcomed', 'rejected',
    'reviewed', 'proposed');
$objects = array('a plan to expand', 'new rules for', 'the cost of', 'a two-year contract for', 'an inquiry into',
    'the future of', 'emergency funding for', 'a long-delayed decision on', 'a compromise over', 'the timetable for');
$tails = array('on Tuesday', 'after months of talks', 'despite strong objections', 'ahead of the winter',
    'in a statement', 'at a press conference', 'late on Friday', 'following a public consultation',
    'with support from both sides', 'before the summer break');
$putin = array('The Kremlin under Vladimir Putin responded within hours.', 'Officials said Putin\'s remarks had changed nothing.',
    'Analysts linked the move to pressure from Putin\'s government.', 'Putin was not mentioned in the final statement.');

$sentence = function () use ($pick, $subjects, $verbs, $objects, $tags, $tails) {
    return $pick($subjects) . ' ' . $pick($verbs) . ' ' . $pick($objects) . ' ' . $pick($tags) . ' ' . $pick($tails) . '.';
};

wp_defer_term_counting(true);
wp_defer_comment_counting(true);
$now = time();
$newest = 0;
for ($i = 0; $i < $posts; $i++) {
    $place = $pick($places);
    $topic = $pick($topics);
    $title = "$place: " . $pick($subjects) . ' ' . $pick($verbs) . ' ' . $pick($objects) . " $topic ($i)";
    $paragraphs = array();
    $mentionsPutin = mt_rand(0, 11) === 0;
    for ($p = 0, $n = mt_rand(5, 9); $p < $n; $p++) {
        $sentences = array();
        for ($s = 0, $m = mt_rand(3, 5); $s < $m; $s++) {
            $sentences[] = $sentence();
        }
        if ($mentionsPutin && $p === 1) {
            $sentences[] = $pick($putin);
        }
        $paragraphs[] = '<p>' . implode(' ', $sentences) . '</p>';
    }
    // Oldest first, about one post every three and a half hours up to now; the last is the newest.
    $date = gmdate('Y-m-d H:i:s', $now - (int) (($posts - $i) * 12500));
    $id = wp_insert_post(array(
        'post_title' => $title,
        'post_content' => implode("\n\n", $paragraphs),
        'post_excerpt' => '',
        'post_status' => 'publish',
        'post_author' => $pick($authors),
        'post_date_gmt' => $date,
        'post_date' => get_date_from_gmt($date),
        'post_category' => array($categories[$i % count($categories)]),
        'tags_input' => array($place, $topic, $pick($tags)),
        'comment_status' => 'open',
    ), true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    $newest = $id;
    if ($i % 1000 === 999) {
        fwrite(STDERR, ($i + 1) . " posts\n");
    }
}
for ($c = 0; $c < 20; $c++) {
    wp_insert_comment(array(
        'comment_post_ID' => $newest,
        'comment_author' => "Reader $c",
        'comment_author_email' => "reader$c@example.org",
        'comment_content' => $sentence() . ' ' . $sentence(),
        'comment_approved' => 1,
        'comment_author_IP' => '127.0.0.1',
        'comment_date_gmt' => gmdate('Y-m-d H:i:s', $now - 3000 + $c * 60),
        'comment_date' => get_date_from_gmt(gmdate('Y-m-d H:i:s', $now - 3000 + $c * 60)),
    ));
}
wp_defer_term_counting(false);
wp_defer_comment_counting(false);
flush_rewrite_rules(false);
echo get_permalink($newest) . "\n";
