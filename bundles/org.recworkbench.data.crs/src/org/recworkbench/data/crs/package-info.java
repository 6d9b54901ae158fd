/** Reads the conversational-recommendation benchmark format of EAR, SCPR and UNICORN (LastFM, Yelp). */
package org.recworkbench.data.crs;
