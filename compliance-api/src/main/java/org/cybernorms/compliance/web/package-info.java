/**
 * The web pages served at {@code /}: overview, state, commitment, violation and event log pages, rendered on the
 * server with Thymeleaf (which escapes every recorded text), charts drawn by ECharts from its WebJar. Nothing loads
 * from a CDN; every page works without a pointer and fits a phone screen.
 */
package org.cybernorms.compliance.web;
