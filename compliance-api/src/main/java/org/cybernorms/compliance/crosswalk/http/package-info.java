/** The HTTP API of crosswalks: create one, add and retire its mappings, read it as of a date and as known at a moment. */
package org.cybernorms.compliance.crosswalk.http;
