package org.crdl.runtime.output;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;

/** An open circle: data points excluded from the fit (outside the observe block's min/max). */
final class HollowCircle extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
        g.setStroke(new BasicStroke(1.5f));
        double r = size / 2.0;
        g.draw(new Ellipse2D.Double(x - r, y - r, size, size));
    }
}
