/** Reads the FINN.no recommender-systems slate dataset ({@code .npz}) without Python. */
package org.recworkbench.data.finn;
