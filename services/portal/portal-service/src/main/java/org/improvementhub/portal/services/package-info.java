/**
 * The services' APIs as the portal calls them, with the signed-in person's token; their refusals
 * become the portal's not-found, refused and sign-in pages.
 */
package org.improvementhub.portal.services;
