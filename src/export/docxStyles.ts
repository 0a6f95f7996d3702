/**
 * The report's word/styles.xml, written out (it replaces the docx package's own): the document defaults and the
 * Normal style carry the body font (仿宋 三号), the exact 28.95 pt line, and no automatic space between Chinese
 * and Latin text or figures (autoSpaceDE / autoSpaceDN off: 98分 and 3410.44万元 print as written). The docx
 * package cannot set autoSpaceDE at all and writes autoSpaceDN out of schema order, where Word and LibreOffice
 * may ignore it; LibreOffice also reads the base font of the page grid from the Normal style alone.
 */

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** styles.xml for a body font, its size in half-points and the exact line in twips. */
export function stylesXml(bodyFont: string, halfPoints: number, lineTwips: number): string {
  const f = escapeAttr(bodyFont);
  const rPr =
    `<w:rPr><w:rFonts w:ascii="${f}" w:eastAsia="${f}" w:hAnsi="${f}" w:cs="${f}"/>` +
    `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>`;
  // CT_PPrBase order: autoSpaceDE, autoSpaceDN, then spacing.
  const pPr = `<w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${lineTwips}" w:lineRule="exact"/></w:pPr>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault>${rPr}</w:rPrDefault><w:pPrDefault>${pPr}</w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${pPr}${rPr}</w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}
