"""Relations as templates over roles (claims/roles.py) and measures, searched over a
sentence and the two before it in its paragraph; never over a sentence's shape.

share_of_whole  part / whole = share: a share and its part, against every earlier amount
                of the part's measure larger than it ("Đoàn kiểm tra 512 cơ sở, phát hiện
                203 cơ sở vi phạm (chiếm 39,6%)"; "bán được 4.210 xe. … chiếm 47% …,
                tương đương 1.979 xe"). Charitable: consistent when one whole fits; ✗ only
                against the one whole the share's own sentence offers.
shares_whole    Σ shares = 100%: a list of shares of one whole ("phổ thông chiếm 41%, sơ
                cấp 22%, trung cấp 15%, cao đẳng trở lên 22%"); said only when it holds (a
                list may leave out what it does not name).
unit_price      amount / quantity = price: "thu hoạch 12.000 tấn, doanh thu 360 tỷ đồng,
                tức khoảng 30.000 đồng/kg", the quantity converted to the price's unit.
change_of_level change / (level ∓ change) = relative change: "tăng 11,3 USD, tương đương
                0,9%, lên 1.232,1 USD/oz".
net_balance     net = inflow − outflow: "xuất khẩu 8,1 tỷ USD … nhập khẩu 7,5 tỷ USD …
                xuất siêu 0,6 tỷ USD"; "mua vào … bán ra … bán ròng".
back_multiple   larger = K × smaller, the multiple referring back: "bán được 3.038 tỷ đồng,
                thu về 16.112 tỷ đồng, tức là gấp 5,3 lần giá trị vốn bán ra".
part_over_whole part ≤ whole: a whole broken down after it, whose first part alone is more
                ("điều trị nội trú 2.860 lượt, trong đó có 3.015 lượt …"): a bound.

Each takes the article and the figures other rules have already checked, so that a claim
is judged once.
"""
from __future__ import annotations

from .amounts import back_multiple, change_of_level, net_balance, unit_price
from .wholes import part_over_whole, share_of_whole, shares_whole

__all__ = ["share_of_whole", "shares_whole", "unit_price", "change_of_level", "part_over_whole", "net_balance",
           "back_multiple"]
