package org.recworkbench.sim.latent;

/** How a user scans a slate (Craswell, Zoeter, Taylor &amp; Ramsey, WSDM 2008; Chuklin et al. 2015). */
public enum ClickModel {
    /** Each slot k is examined with probability (k+1)^-η, independently; an examined item is clicked with its
     * attraction. Expected clicks: Σ examₖ·aₖ. */
    POSITION_BASED("position-based"),
    /** Slots are examined top-down until the first click, then the user stops. Expected clicks:
     * 1 − Π(1 − aₖ). */
    CASCADE("cascade");

    final String id;

    ClickModel(String id) {
        this.id = id;
    }

    static ClickModel of(String id) {
        for (ClickModel m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
