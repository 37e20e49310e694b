/** A shop action the shop itself would refuse (unknown id, order without lines…): a 400 for the control API. */
export class ActionRefused extends Error {}
