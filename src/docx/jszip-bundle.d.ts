/** jszip's own single-file build (what bundlers pick through its "browser" field), typed as the package. */
declare module "jszip/dist/jszip.min.js" {
  import JSZip from "jszip";
  export default JSZip;
}
