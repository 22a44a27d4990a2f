package org.custodian.model.oversight;

/**
 * An organisation placed on the map: {@code (x, y)} is the centre of its circle, its name is written below it.
 *
 * @param agreements how many of the drawn agreements it is a party to
 * @param department the organisation in most of them, drawn in the middle
 */
public record FlowNode(FlowOrganisation organisation, int agreements, boolean department, double x, double y,
                       double radius) {

    public String code() {
        return organisation.code();
    }
}
