/**
 * The portal: server-rendered GOV.UK pages, working without JavaScript, over the services' APIs. It
 * holds no data of its own: every page calls the services with the signed-in person's token, so the
 * services stay the only judges of who may see and change what.
 */
package org.improvementhub.portal;
