#!/usr/bin/python3
"""
Regenerates test/fixtures/xlsx/: workbooks as openpyxl and LibreOffice write them, each holding the example's
自评表 (examples/2023-…自评表.xlsx, loaded and saved again) and one or more things the command line must keep
byte for byte. The committed files are what the tests read; this script is only needed to make them again.

Needs: Debian's /usr/bin/python3 with python3-openpyxl and python3-pil, and LibreOffice (soffice) for the
LibreOffice-written files. Run from the repository root:  /usr/bin/python3 scripts/make-xlsx-fixtures.py
"""
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.packaging.relationship import Relationship
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.workbook.external_link.external import (
    ExternalBook, ExternalCell, ExternalLink, ExternalRow, ExternalSheetData, ExternalSheetDataSet, ExternalSheetNames,
)
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.pagebreak import Break
from PIL import Image as PILImage

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, 'examples', '2023-海珠区人大常委会办公室-部门整体支出绩效自评表.xlsx')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'xlsx')
SHEET = '部门整体支出绩效自评表'


def example():
    wb = openpyxl.load_workbook(EXAMPLE)
    return wb, wb[SHEET]


def page_setup(ws):
    """Landscape A4, one page wide, centred horizontally, manual breaks below the money block and after column G."""
    ws.page_setup.orientation = 'landscape'
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.row_breaks.append(Break(id=11))
    ws.col_breaks.append(Break(id=7))
    ws.print_title_rows = '12:12'


def png(path):
    img = PILImage.new('RGB', (120, 40), (200, 30, 30))
    img.save(path)


def chart_sheet(wb):
    data = wb.create_sheet('图表数据')
    data.append(['一级指标', '分值', '得分'])
    data.append(['履职效能', 50, 50])
    data.append(['管理效率', 50, 48])
    chart = BarChart()
    chart.title = '各一级指标得分'
    chart.add_data(Reference(data, min_col=2, min_row=1, max_col=3, max_row=3), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=3))
    data.add_chart(chart, 'E2')
    return data


def rich(tmp):
    """Chart, image, comments, page setup and breaks (openpyxl)."""
    wb, ws = example()
    ws['C13'].comment = Comment('会议按计划召开，有会议纪要。', '财务科')
    ws['E19'].comment = Comment('支出进度以国库集中支付数为准。', '财务科')
    page_setup(ws)
    logo = os.path.join(tmp, 'logo.png')
    png(logo)
    ws.add_image(Image(logo), 'K2')
    chart_sheet(wb)
    return wb


def protection():
    """Structure locked with a password, a legacy sheet password on another sheet, 1904 dates, a defined name."""
    wb, ws = example()
    wb.epoch = CALENDAR_MAC_1904
    wb.security = WorkbookProtection(workbookPassword='jixiao', lockStructure=True)
    note = wb.create_sheet('填表说明')
    note['A1'] = '填报截止日期'
    import datetime
    note['B1'] = datetime.date(2024, 3, 31)
    note['B1'].number_format = 'yyyy-mm-dd'
    note['A2'] = '本表由单位财务部门填写。'
    note.protection.sheet = True
    note.protection.password = '123456'
    wb.create_named_range('分值', ws, '$D$13:$D$26')
    return wb


def external_link():
    """A link to another workbook, and a formula that reads the total we write (so it must be recalculated)."""
    wb, ws = example()
    ref = wb.create_sheet('引用')
    ref['A1'] = '批复预算数'
    ref['B1'] = '=[1]Sheet1!A1'
    ref['A2'] = '自评总分'
    ref['B2'] = f"='{SHEET}'!G27"
    book = ExternalBook(
        sheetNames=ExternalSheetNames(sheetName=['Sheet1']),
        sheetDataSet=ExternalSheetDataSet(sheetData=[ExternalSheetData(sheetId=0, row=[ExternalRow(r=1, cell=[ExternalCell(r='A1', v='3410.44')])])]),
        id='rId1',
    )
    link = ExternalLink(externalBook=book)
    link.file_link = Relationship(type='externalLinkPath', Target='预算批复.xlsx', TargetMode='External', Id='rId1')
    wb._external_links.append(link)
    return wb


def cfb(streams):
    """A minimal compound file (the container of vbaProject.bin) holding `streams` {'VBA/dir': bytes, …}.

    Every stream is padded to 4096 bytes so that it lives in the regular FAT (no mini stream needed)."""
    sector = 512
    names = sorted({p.split('/')[0] for p in streams if '/' in p})
    entries = [('Root Entry', 5, None)] + [(n, 1, None) for n in names] + [(p, 2, streams[p].ljust(4096, b'\0')) for p in sorted(streams)]
    data = b''
    starts = {}
    for name, kind, body in entries:
        if body is not None:
            starts[name] = len(data) // sector
            data += body
    data_sectors = len(data) // sector
    dir_sectors = (len(entries) * 128 + sector - 1) // sector
    fat_entries = data_sectors + dir_sectors + 1
    fat_sectors = (fat_entries * 4 + sector - 1) // sector
    fat = []
    for name, kind, body in entries:
        if body is not None:
            n = len(body) // sector
            fat += list(range(starts[name] + 1, starts[name] + n)) + [0xFFFFFFFE]
    dir_start = len(fat)
    fat += list(range(dir_start + 1, dir_start + dir_sectors)) + [0xFFFFFFFE]
    fat += [0xFFFFFFFD] * fat_sectors
    fat += [0xFFFFFFFF] * (fat_sectors * 128 - len(fat))
    fat_start = dir_start + dir_sectors

    def children(parent):
        return [i for i, (n, k, b) in enumerate(entries) if i and ('/'.join(n.split('/')[:-1]) if '/' in n else '') == parent]

    left = {i: 0xFFFFFFFF for i in range(len(entries))}
    right = dict(left)
    child = dict(left)
    for parent_index, parent in [(0, '')] + [(i, n) for i, (n, k, b) in enumerate(entries) if k == 1]:
        kids = children(parent)
        if kids:
            child[parent_index] = kids[0]
            for a, b in zip(kids, kids[1:]):
                right[a] = b
    directory = b''
    for i, (name, kind, body) in enumerate(entries):
        short = name.split('/')[-1].encode('utf-16-le') + b'\0\0'
        entry = short.ljust(64, b'\0') + struct.pack('<HBB', len(short), kind, 1)
        entry += struct.pack('<III', left[i], right[i], child[i]) + b'\0' * 16 + b'\0' * 4 + b'\0' * 16
        start = starts.get(name, 0xFFFFFFFE if kind != 2 else 0)
        entry += struct.pack('<IQ', start, len(body) if body else 0)
        directory += entry
    directory = directory.ljust(dir_sectors * sector, b'\0')
    header = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 16 + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6)
    header += b'\0' * 6 + struct.pack('<IIIIIIIII', 0, fat_sectors, dir_start, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    difat = list(range(fat_start, fat_start + fat_sectors)) + [0xFFFFFFFF] * (109 - fat_sectors)
    header += struct.pack('<109I', *difat)
    fat_bytes = struct.pack(f'<{len(fat)}I', *fat)
    return header + data + directory + fat_bytes


def macro():
    """A macro workbook: vbaProject.bin (a compound-file stub named like a VBA project; no tool here writes a real one)."""
    wb, ws = example()
    source = 'Attribute VB_Name = "Module1"\r\nSub 计分提示()\r\n    MsgBox "请先填写实际完成值"\r\nEnd Sub\r\n'.encode('gbk')
    vba = cfb({'PROJECT': b'ID="{00000000-0000-0000-0000-000000000000}"\r\nModule=Module1\r\n', 'VBA/dir': b'\x01', 'VBA/Module1': source, 'VBA/_VBA_PROJECT': b'\xcc\x61'})
    holder = io.BytesIO()
    with zipfile.ZipFile(holder, 'w') as z:
        # openpyxl takes the VBA part, and its content type, from the archive of a workbook it "loaded".
        z.writestr('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
        z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        z.writestr('xl/vbaProject.bin', vba)
    wb.vba_archive = zipfile.ZipFile(io.BytesIO(holder.getvalue()))
    return wb


def protected_table():
    """The 自评表 itself protected (no password): LibreOffice writes it as sheet="true"."""
    wb, ws = example()
    ws.protection.sheet = True
    return wb


def soffice(src, dest_dir, fmt='xlsx'):
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    try:
        subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--convert-to', fmt, '--outdir', dest_dir, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return os.path.join(dest_dir, os.path.splitext(os.path.basename(src))[0] + '.' + fmt.split(':')[0])


def libreoffice_extras(fods):
    """Custom properties (密级=内部) and a rich-text cell, added to LibreOffice's flat XML before it writes .xlsx."""
    with open(fods, encoding='utf-8') as f:
        text = f.read()
    meta = '<meta:user-defined meta:name="密级">内部</meta:user-defined><meta:user-defined meta:name="报送单位">海珠区财政局</meta:user-defined>'
    text = text.replace('</office:meta>', meta + '</office:meta>', 1)
    style = '<style:style style:name="TRich" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
    text = text.replace('</office:automatic-styles>', style + '</office:automatic-styles>', 1)
    marker = '<text:p>备注</text:p>'
    if marker not in text:
        sys.exit('make-xlsx-fixtures: the 备注 cell was not found in the LibreOffice document')
    text = text.replace(marker, '<text:p>备注（<text:span text:style-name="TRich">必填</text:span>）</text:p>', 1)
    with open(fods, 'w', encoding='utf-8') as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='xlsx-fixtures-')
    try:
        made = {
            'openpyxl-rich.xlsx': rich(tmp),
            'openpyxl-protection.xlsx': protection(),
            'openpyxl-external-link.xlsx': external_link(),
            'openpyxl-macro.xlsm': macro(),
        }
        for name, wb in made.items():
            wb.save(os.path.join(OUT, name))
        # LibreOffice: the same workbooks as LibreOffice Calc writes them.
        rich_src = os.path.join(tmp, 'libreoffice-rich.xlsx')
        shutil.copy(os.path.join(OUT, 'openpyxl-rich.xlsx'), rich_src)
        fods = soffice(rich_src, tmp, 'fods')
        libreoffice_extras(fods)
        shutil.copy(soffice(fods, tmp, 'xlsx'), os.path.join(OUT, 'libreoffice-rich.xlsx'))
        out = os.path.join(tmp, 'lo')
        os.makedirs(out, exist_ok=True)
        # LibreOffice 7.4 keeps the legacy sheet password and the 1904 dates, but writes no structure lock
        # (<workbookProtection lockWindows="false"/>): the structure lock is tested with openpyxl's file.
        for name, wb in [('libreoffice-protection.xlsx', protection()), ('libreoffice-protected-table.xlsx', protected_table()), ('libreoffice-external-link.xlsx', external_link())]:
            src = os.path.join(tmp, name)
            wb.save(src)
            shutil.copy(soffice(src, out, 'xlsx'), os.path.join(OUT, name))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))


if __name__ == '__main__':
    main()
