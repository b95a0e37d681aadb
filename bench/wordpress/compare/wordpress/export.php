<?php
// Writes WordPress's own export (Tools → Export → All content) to standard output.
// Usage: WORDPRESS_CONFIG=... HTTP_HOST=127.0.0.1:PORT php export.php > export.xml
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
export_wp(array('content' => 'all'));
