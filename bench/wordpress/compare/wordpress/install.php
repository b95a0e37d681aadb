<?php
// Installs WordPress non-interactively into the empty database the harness created:
// stock theme, the site address on loopback, dated pretty permalinks (so nginx's try_files
// hands every page to index.php), and comments as a fresh install has them (open; a first
// comment from an address waits for moderation).
// Usage: WORDPRESS_CONFIG=... HTTP_HOST=127.0.0.1:PORT php install.php URL
define('WP_INSTALLING', true);
// No mail: the install's "new site" message has nowhere to go on a bench machine.
function wp_mail() { return true; }
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$url = $argv[1];
$result = wp_install('Herald bench', 'admin', 'admin@example.org', true, '', wp_generate_password(24));
update_option('siteurl', $url);
update_option('home', $url);
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%postname%/');
update_option('posts_per_page', 10);
update_option('default_comment_status', 'open');
// The taxonomies registered their rewrite rules before permalinks were on: once more, then
// store the rules (category and tag pages included).
create_initial_taxonomies();
flush_rewrite_rules(false);
echo "installed, user {$result['user_id']}, theme " . get_stylesheet() . "\n";
