/** Reads any delimited interaction file through OpenCSV with a column mapping. */
package org.recworkbench.data.csv;
